// SpeedCalibration: how fast this machine runs each stage of a job with one model and engine setting,
// as measured (the calibration run after a model loads, then every stage a job finished), kept in the
// settings so that the estimate next to Generate is right from the next start on. A stage's time for a given amount of
// arithmetic is taken from the measurement of the most similar size: small jobs run at a lower rate than
// large ones (per-call overheads), so a 1280×704 job is estimated from 1280×704 jobs once there is one.
// A measurement taken while other programs kept the processor busy (MachineLoad) is kept apart: it is used only
// while no measurement from a quiet machine exists, and it never replaces one.
#pragma once
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QSettings;

namespace i2v::ui {

enum class CostStage { Encode, Denoise, Decode };

class SpeedCalibration {
public:
    // Measurements live in `store` (not owned) under "speed/…"; null keeps them for this session only.
    explicit SpeedCalibration(QSettings* store = nullptr);

    // `key` names the model and engine setting (GenerationWorker::speedKey). A measurement of a size
    // already known (within 10 % of its arithmetic) replaces the old one, except that a busy one does not
    // replace a quiet one; at most kSamples are kept (busy ones leave first, then the oldest).
    void record(const QString& key, CostStage stage, double flops, double seconds, bool busy = false);

    struct Time {
        double seconds = 0;
        bool measuredBusy = false;  // from a measurement taken while other programs competed for the processor
    };
    // Seconds for `flops` of that stage at the rate of the nearest size measured on a quiet machine (of the
    // nearest measured at all while there is none); nothing when none is known.
    std::optional<Time> seconds(const QString& key, CostStage stage, double flops) const;
    bool knows(const QString& key) const;  // every stage has a measurement from a quiet machine

    static constexpr int kSamples = 8;

private:
    struct Sample {
        double flops = 0, seconds = 0;
        bool busy = false;
    };
    QList<Sample> samples(const QString& key, CostStage stage) const;
    void store(const QString& key, CostStage stage, const QList<Sample>& samples);

    QSettings* store_;
    QHash<QString, QList<Sample>> session_;  // what this session measured (or all, without a store)
};

} // namespace i2v::ui
