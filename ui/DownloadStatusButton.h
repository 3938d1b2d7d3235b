// DownloadStatusButton: the model download as the window's status bar sums it up ("Downloading … 42 % (…)",
// pausing, paused, stopped), hidden while none is under way. It follows the DownloadController by itself;
// the window makes its click show the download in the Models window.
#pragma once
#include <QToolButton>

namespace i2v::ui {

class DownloadController;

class DownloadStatusButton : public QToolButton {
    Q_OBJECT
public:
    // Follows `downloads` (not owned), which must outlive it or be disconnected from it first.
    explicit DownloadStatusButton(DownloadController* downloads, QWidget* parent = nullptr);

private:
    void refresh();

    DownloadController* downloads_;
};

} // namespace i2v::ui
