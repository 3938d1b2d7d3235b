// EstimatePanel: the lines above Generate that say what the job in the form will cost on this computer —
// its time and memory (JobEstimate), a warning, naming Low-memory mode, when it will not fit, and for a long job
// what the Draft preset would take instead, with a link that puts it in the form.
#pragma once
#include "ui/JobEstimate.h"

#include <QWidget>

#include <optional>

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
    // Offers the Draft preset, whose job would take `draftSeconds` here; nothing takes the offer away.
    void offerDraft(std::optional<double> draftSeconds);
    QString text() const;
    QString warningText() const;  // empty when the job fits
    QString draftOfferText() const;  // empty when none is made

signals:
    void draftRequested();

private:
    QLabel* line_;
    QLabel* warning_;
    QLabel* draftOffer_;
};

} // namespace i2v::ui
