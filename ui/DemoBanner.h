// DemoBanner: the yellow bar above the window's panels while the model in use is the random-weight demo (or a
// test checkpoint where the real weights belong): it says so, where the real weights are or can come from, and
// offers a button that downloads them or shows the download under way, and one that asks for the Draft preset:
// the model's default job (1280x704, 16 frames, 50 steps) keeps even the demo model busy for about an hour on a
// 2-core CPU, since its attention at full resolution costs what the real model's does. It follows the ActiveModel and the
// DownloadController by itself; the window asks it again when the models on disk or the hub settings changed
// (refresh), starts the download when asked (downloadRequested) and puts the Draft preset into the job form
// (draftRequested).
#pragma once
#include <QFrame>
#include <QString>

class QLabel;
class QPushButton;

namespace i2v::ui {

class ActiveModel;
class DownloadController;

class DemoBanner : public QFrame {
    Q_OBJECT
public:
    // Follows `model` and `downloads` (not owned; the hub settings are the download's), which must outlive it or be
    // disconnected from it first.
    DemoBanner(const ActiveModel* model, DownloadController* downloads, QWidget* parent = nullptr);
    // Whether a loaded model is one the banner is for: the demo model, or any with a few million parameters.
    static bool isFor(const QString& modelDir, qint64 parameters);
    // Shown for a ready model that isFor() it, else hidden.
    void refresh();

signals:
    void downloadRequested();
    void draftRequested();

private:
    // What the banner's text and button depend on.
    struct Situation {
        QString modelDir;           // the model in use
        qint64 parameters = 0;      // its size
        QString automaticModelDir;  // the model the window loads when none is chosen (ModelLocations), empty: none
        bool downloading = false;   // a model download runs or is paused
        int downloadPercent = -1;   // how far it is; -1 while its size is unknown
        QString hubEndpoint;        // where a download comes from
    };

    // Shows the banner for a model that isFor() it.
    void showFor(const Situation& situation);
    // A download's progress (up to ten reports a second) changes only the percent on the button: the rest of
    // what is shown stays, without looking at the model folders on disk again as refresh() does.
    void showProgress();
    int currentDownloadPercent() const;  // as Situation::downloadPercent has it

    const ActiveModel* model_;
    DownloadController* downloads_;
    QLabel* text_;
    QPushButton* draft_;
    QPushButton* download_;
    Situation shown_;  // what showFor() last showed
};

} // namespace i2v::ui
