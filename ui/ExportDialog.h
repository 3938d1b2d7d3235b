// ExportDialog: how a finished clip is written (format, playback fps, quality, interpolation and its rate, loop)
// as core's ExportSettings, offering only the formats this build's FFmpeg can write and OK only for settings
// the exporter accepts (the reason shows instead). load()/save() keep the
// choice between exports; ui/FrameExport.h writes it.
#pragma once
#include "export/ExportSettings.h"

#include <QDialog>
#include <QString>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSettings;
class QSpinBox;

namespace i2v::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const ExportSettings& initial, QWidget* parent = nullptr);
    ExportSettings choice() const;

    // The last choice (export/format, export/fps, ...); the defaults of ExportSettings where none is stored.
    static ExportSettings load(const QSettings& settings);
    static void save(QSettings& settings, const ExportSettings& choice);

    static QString extensionFor(const QString& format);  // ".mp4"; "" for the PNG folder
    // "i2v_seed<seed>" with the extension, and the codec where the extension alone does not say it:
    // i2v_seed7.mp4 (H.264) but i2v_seed7_av1.mp4, i2v_seed7.webm (VP9) but i2v_seed7_av1.webm.
    static QString suggestedFileName(quint64 seed, const QString& format);
    static bool exportAvailable();

private:
    // Interpolated fps only with interpolation; OK only for settings the exporter takes, else the reason.
    void updateState();

    QComboBox* format_;
    QDoubleSpinBox* fps_;
    QSpinBox* quality_;
    QComboBox* interpolation_;
    QDoubleSpinBox* interpolatedFps_;
    QComboBox* loop_;
    QLabel* problem_;
    QPushButton* ok_;
};

} // namespace i2v::ui
