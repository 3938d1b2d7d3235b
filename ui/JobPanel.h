// JobPanel: the right-hand side of the window, where a job is set up and started: the model folder in use
// (read-only, with Choose…), the GenerationForm, the EstimatePanel, and Generate / Cancel / Continue / Export….
// Model and form scroll when the window is too short for them; the estimate and the buttons stay in view below.
// The model line and the form follow the ActiveModel (its folder, tokenizer and default scheduler), the estimate
// the form and the JobController, by themselves. The buttons' clicks are signals, so that they and the window's
// menu actions share the same slots; which of them can be used is set in one call (setAvailable).
#pragma once
#include <QWidget>

#include <optional>

class QLineEdit;
class QPushButton;
class QScrollArea;

namespace i2v::ui {

class ActiveModel;
class DropZone;
class EstimatePanel;
class GenerationForm;
class JobController;
class JobPresets;
struct JobEstimate;
struct JobRequest;

class JobPanel : public QWidget {
    Q_OBJECT
public:
    // What the buttons can do now (the window's menu actions follow the same).
    struct Available {
        bool generate = false;
        bool cancel = false;
        bool continueResult = false;
        bool exportResult = false;
    };

    // The form follows `picture`'s size and crop and `model`'s loads; `presets` (not owned) fill its Preset menu;
    // the estimate is `jobs`' (not owned, which must outlive the panel or be disconnected from it first).
    JobPanel(DropZone* picture, JobPresets* presets, JobController* jobs, const ActiveModel* model, QWidget* parent = nullptr);
    GenerationForm* form() const { return form_; }
    EstimatePanel* estimatePanel() const { return estimate_; }
    // `queueing`: jobs are under way, so Generate adds to the queue (and says so).
    void setAvailable(const Available& available, bool queueing);
    // The time and memory of the job in the form, above Generate; also for preferences the controller just got.
    void updateEstimate();
    // Puts the built-in Draft preset's settings in the form (the demo banner's button, the long job's offer).
    void useDraftPreset();

signals:
    void chooseModelRequested();
    void generateRequested();
    void cancelRequested();
    void continueRequested();
    void exportRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Wide enough for the widest row of the scrolled column (it has no horizontal scroll bar), as its contents
    // need now: the model's path, its scheduler names, the font the desktop gives.
    void fitColumnWidth();
    // The time of the Draft preset's job in place of `request`, when `estimate` is a long job (half an hour or more)
    // and the Draft takes a quarter of its time or less; nothing otherwise, or when the form holds the Draft already.
    std::optional<double> draftSecondsToOffer(const JobRequest& request, const JobEstimate& estimate) const;

    JobController* jobs_;
    const JobPresets* presets_;
    QScrollArea* scroll_;
    QWidget* column_;
    QLineEdit* modelFolder_;
    GenerationForm* form_;
    EstimatePanel* estimate_;
    QPushButton* generate_;
    QPushButton* cancel_;
    QPushButton* continue_;
    QPushButton* export_;
};

} // namespace i2v::ui
