// DownloadPanel: the "Download I2VGen-XL" part of the Models window. A variant choice (fp16, about 5 GB, or
// fp32, about 10 GB), Download / Resume, Pause and Cancel, a bar for the file in transfer and one for the whole
// model, bytes, rate, time left and free space in words, the engine's notices (retries, waits) and its errors
// as it words them. It only observes and drives the DownloadController, which outlives it.
#pragma once
#include "ui/DownloadController.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace i2v::ui {

class DownloadPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit DownloadPanel(DownloadController* downloads, QWidget* parent = nullptr);

    // "fp16" or "fp32", as chosen.
    QString chosenVariant() const;

    // "11.2 MB/s · about 4 min left · 120 GB free on the disk"; `waiting` (a stalled connection) takes the place
    // of rate and time left.
    static QString detailText(const DownloadStatus& status, const QString& waiting = {});
    // "about 4 min left", "about 20 s left", "about 1 h 5 min left"; empty while unknown.
    static QString timeLeftText(double seconds);
    static QString bytesText(qint64 bytes);

public slots:
    // Download (or Resume, after a pause) with the chosen variant.
    void startOrResume();

private:
    void updateState();
    void updateProgress(const DownloadStatus& status);
    void addNotice(const QString& message);
    void updateDetails();

    DownloadController* downloads_;
    QComboBox* variant_;
    QPushButton* start_;
    QPushButton* pause_;
    QPushButton* cancel_;
    QLabel* where_;
    QLabel* state_;
    QWidget* bars_;   // file and total, shown once the download's plan is known
    QLabel* fileLabel_;
    QProgressBar* fileBar_;
    QLabel* totalLabel_;
    QProgressBar* totalBar_;
    QLabel* details_;
    QPlainTextEdit* notices_;
    QLabel* error_;
    QTimer* stallCheck_;   // while running: notices a connection that delivers nothing
};

} // namespace i2v::ui
