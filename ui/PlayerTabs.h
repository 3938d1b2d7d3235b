// PlayerTabs: the two players under the picture, as tabs: the live preview of the running job (its frames as
// they denoise) and the result (ResultView). They follow the JobController by themselves: a job that starts
// clears the preview and brings it to the front, each preview plays as it comes, and a result (new or from
// the gallery) replaces the one shown and brings the Result tab to the front.
#pragma once
#include <QTabWidget>

namespace i2v::ui {

class FramePlayer;
class JobController;
class ResultView;

class PlayerTabs : public QTabWidget {
    Q_OBJECT
public:
    // Follows `jobs` (not owned), which must outlive it or be disconnected from it first.
    explicit PlayerTabs(JobController* jobs, QWidget* parent = nullptr);

    FramePlayer* preview() const { return preview_; }
    ResultView* result() const { return result_; }

private:
    FramePlayer* preview_;
    ResultView* result_;
};

} // namespace i2v::ui
