// EstimatePanel: the lines above Generate that say what the job in the form will cost on this computer —
// its time and memory (JobEstimate), and a warning, naming Low-memory mode, when it will not fit.
#pragma once
#include "ui/JobEstimate.h"

#include <QWidget>

class QLabel;

namespace i2v::ui {

class EstimatePanel : public QWidget {
    Q_OBJECT
public:
    explicit EstimatePanel(QWidget* parent = nullptr);
    // `runs` jobs of `estimate` (Generate queues that many); `calibrating`: this computer's speed is being
    // measured right now.
    void showEstimate(const JobEstimate& estimate, int runs, bool calibrating);
    void showNoModel();
    QString text() const;
    QString warningText() const;  // empty when the job fits

private:
    QLabel* line_;
    QLabel* warning_;
};

} // namespace i2v::ui
