// PresetRow: the Preset row of the job form — a list of the built-in and the user's JobPresets, Save… and
// Delete. Choosing a preset puts its settings into the form through the `put` callback (prompts, picture and
// seed stay); Save… keeps what the form shows (read through `shown`) under a name the user gives.
#pragma once
#include "pipeline/GenerationRequest.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QToolButton;

namespace i2v::ui {

class JobPresets;

class PresetRow : public QWidget {
    Q_OBJECT
public:
    using ShownSettings = std::function<GenerationRequest()>;
    using PutSettings = std::function<void(const GenerationRequest&)>;
    // `presets` (not owned, may be null: then the row offers nothing to choose and saves nothing).
    PresetRow(JobPresets* presets, ShownSettings shown, PutSettings put, QWidget* parent = nullptr);

    // Puts the preset's settings into the form; false when there is none of that name.
    bool apply(const QString& name);
    // Saves the shown settings as a user preset and selects it; the reason when it cannot be saved.
    QString save(const QString& name);
    bool remove(const QString& name);
    QString current() const;  // the preset chosen last, empty when none
    // The form's settings changed: the chosen preset reads "Draft (changed)" while they differ from it.
    void settingsEdited();

private:
    void fill(const QString& select);
    void askSave();    // the Save… button: a name, and whether to replace a preset of that name
    void askRemove();

    JobPresets* presets_;
    ShownSettings shown_;
    PutSettings put_;
    QComboBox* list_;
    QToolButton* delete_;
};

} // namespace i2v::ui
