// GenerationForm: the controls of one job — the prompts with their token counters, the scheduler, steps,
// guidance, eta, seed (random / locked), frames, fps conditioning, size and runs — together with the picture
// of the DropZone it is given. request() reads them into a JobRequest and setRequest() puts one back;
// load()/save() keep them between runs, and its PresetRow applies, saves and deletes JobPresets. No other
// class walks these controls: a setting added to a job is
// a field of core's GenerationRequest (with its JSON key) plus one row here.
#pragma once
#include "ui/JobRequest.h"

#include <QVector>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QSettings;
class QSpinBox;
class QToolButton;

namespace i2v::ui {

class DropZone;
class JobPresets;
class PresetRow;
class PromptTokenCounter;

class GenerationForm : public QWidget {
    Q_OBJECT
public:
    // `picture` (not owned) is where the job's picture is shown and chosen; `presets` (not owned) the presets
    // the Preset row offers.
    GenerationForm(DropZone* picture, JobPresets* presets, QWidget* parent = nullptr);
    ~GenerationForm() override;

    // The picture, prompts and settings as shown (the seed as the Seed row shows it). Only the job's own
    // settings: the app's preferences (preview, decode chunk, output folder) are the JobController's.
    JobRequest request() const;
    // Puts a job's picture, prompts and settings back and locks its seed (reusing a job means its seed).
    // False when its picture file cannot be read any more (the DropZone says why); the settings are set.
    bool setRequest(const JobRequest& request);
    // The jobs Generate queues now: "Runs" of them; the first takes a new random seed unless the seed is
    // locked, the others consecutive or random seeds as chosen. The Seed row then shows the first seed.
    QVector<JobRequest> requestsToQueue();
    int runs() const;  // how many jobs Generate queues
    // One job that starts from `frame` (shown in the DropZone as `name`): the settings of `settings`, or
    // those shown when null, with the seed chosen as for Generate (a locked seed stays).
    JobRequest continuation(const QImage& frame, const QString& name, const JobRequest* settings = nullptr);

    void load(const QSettings& settings);
    void save(QSettings& settings) const;

    PresetRow* presetRow() const { return presetRow_; }

    // The token counters count with this model's tokenizer.
    void setModel(const QString& modelDir);
    // The video size; picks the size preset of that size, else Custom.
    void setSize(int width, int height);
    // The checkpoint's own scheduler: named in "Model default (…)" and deciding whether Eta applies.
    void setDefaultScheduler(const QString& name);

    // A plain-language name for a scheduler short name and one line of advice on its steps.
    struct SchedulerAdvice {
        QString label, advice;
    };
    static SchedulerAdvice schedulerAdvice(const QString& name);
    // The model card's negative prompt: the default on the first start, and what "Recommended" puts back.
    static const char* recommendedNegativePrompt();

signals:
    // A setting that changes what the job costs (size, frames, steps, guidance, scheduler, runs) changed.
    void changed();

private:
    QWidget* buildPrompts();
    QWidget* buildSettings();
    // The rows a preset holds too: scheduler, steps, guidance, eta, frames, fps conditioning and size.
    void setSettings(const GenerationRequest& settings);
    void updateTokenCount(QPlainTextEdit* edit, QLabel* label);
    void updateSizeControls();
    void updateEtaEnabled();
    void chooseSeed();  // a new random seed unless locked

    DropZone* picture_;
    JobPresets* presets_;
    PresetRow* presetRow_;
    std::unique_ptr<PromptTokenCounter> tokens_;
    QString defaultScheduler_;
    QPlainTextEdit* prompt_;
    QPlainTextEdit* negative_;
    QLabel* promptCount_;
    QLabel* negativeCount_;
    QComboBox* scheduler_;
    QSpinBox* steps_;
    QDoubleSpinBox* guidance_;
    QDoubleSpinBox* eta_;
    QSpinBox* seed_;
    QCheckBox* seedLock_;
    QSpinBox* frames_;
    QSpinBox* fps_;
    QToolButton* advanced_;  // shows the eta and fps rows
    QComboBox* sizePreset_;
    QSpinBox* width_;
    QSpinBox* height_;
    QSpinBox* runs_;
    QComboBox* seedMode_;
};

} // namespace i2v::ui
