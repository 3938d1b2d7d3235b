// SettingsDialog: the preferences (model folder, threads, device, compute dtype, memory modes, preview,
// decode chunk, output folder, and the model hub: mirror endpoint, access token, cache folder). It edits an AppSettings value; the window applies it (reloading the
// model when the engine settings change). CUDA is offered only when the engine reports a GPU.
#pragma once
#include "ui/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace i2v::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    SettingsDialog(const AppSettings& initial, bool cudaAvailable, QWidget* parent = nullptr);
    AppSettings settings() const;
    // Refuses (with the reason under the field) an output folder where no video can be written.
    void accept() override;
    QString outputFolderError() const;  // the reason shown; empty when none

private:
    void updateEngineChoices();

    bool cudaAvailable_;
    QLineEdit* modelDir_;
    QSpinBox* threads_;
    QComboBox* device_;
    QComboBox* dtype_;
    QSpinBox* attentionChunk_;
    QCheckBox* offload_;
    QCheckBox* vaeTiling_;
    QCheckBox* keepFp16Weights_;
    QComboBox* preview_;
    QSpinBox* decodeChunk_;
    QLineEdit* outputFolder_;
    QLabel* outputFolderError_;
    QLineEdit* hubEndpoint_;
    QLineEdit* hubToken_;
    QLineEdit* hubCacheDir_;
};

} // namespace i2v::ui
