// SettingsDialog: the preferences (model folder, threads, device, compute dtype, memory modes, preview,
// decode chunk, output folder, and the model hub: mirror endpoint, access token, cache folder). It edits an AppSettings value; the window applies it (reloading the
// model when the engine settings change). CUDA is offered only when the engine reports a GPU (and says why
// not otherwise); the processor's bf16 support decides whether bfloat16 is recommended. Low-memory mode
// sets every memory option at once, and the memory the job in the window would need is shown as they change.
#pragma once
#include "ui/AppSettings.h"
#include "ui/JobEstimate.h"
#include "util/Runtime.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace i2v::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const AppSettings& initial, const RuntimeInfo& runtime, QWidget* parent = nullptr);
    AppSettings settings() const;
    // What the job in the window would cost with the dialog's settings; the Memory box shows its memory.
    void setJobEstimator(std::function<JobEstimate(const AppSettings&)> estimator);
    // bfloat16's measured speed-up over float32 with this model on this computer, when both were measured.
    void setMeasuredBf16SpeedUp(std::optional<double> speedUp);
    // Refuses (with the reason under the field) an output folder where no video can be written.
    void accept() override;
    QString outputFolderError() const;  // the reason shown; empty when none

private:
    void updateEngineChoices();
    void setLowMemory(bool on);
    void updateMemoryEstimate();

    bool cudaAvailable_;
    CpuFeatures cpu_;
    std::function<JobEstimate(const AppSettings&)> estimator_;
    EngineSettings beforeLowMemory_;
    int decodeChunkBeforeLowMemory_ = 1;
    QCheckBox* lowMemory_;
    QLabel* memoryEstimate_;
    QLineEdit* modelDir_;
    QSpinBox* threads_;
    QComboBox* device_;
    QComboBox* dtype_;
    QLabel* processor_;
    QSpinBox* attentionChunk_;
    QCheckBox* offload_;
    QCheckBox* vaeTiling_;
    QCheckBox* keepFp16Weights_;
    QComboBox* preview_;
    QCheckBox* notifyWhenDone_;
    QSpinBox* decodeChunk_;
    QLineEdit* outputFolder_;
    QLabel* outputFolderError_;
    QLineEdit* hubEndpoint_;
    QLineEdit* hubToken_;
    QLineEdit* hubCacheDir_;
};

} // namespace i2v::ui
