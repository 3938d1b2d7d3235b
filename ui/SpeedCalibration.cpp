#include "ui/SpeedCalibration.h"

#include <QSettings>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace i2v::ui {
namespace {

constexpr QLatin1String kBusyTag("busy");

QString stageName(CostStage stage) {
    switch (stage) {
    case CostStage::Encode: return QStringLiteral("encode");
    case CostStage::Denoise: return QStringLiteral("denoise");
    case CostStage::Decode: return QStringLiteral("decode");
    }
    return {};
}

// QSettings keys may not hold '/' inside a name: the key (a fingerprint, device, dtype, threads) is
// made of letters, digits, ':' and '-', which stay as they are.
QString settingsKey(const QString& key, CostStage stage) {
    QString safe = key;
    safe.replace(QLatin1Char('/'), QLatin1Char('_'));
    return QStringLiteral("speed/%1/%2").arg(safe, stageName(stage));
}

} // namespace

SpeedCalibration::SpeedCalibration(QSettings* store) : store_(store) {}

QList<SpeedCalibration::Sample> SpeedCalibration::samples(const QString& key, CostStage stage) const {
    const QString k = settingsKey(key, stage);
    if (!store_)
        return session_.value(k);
    QList<Sample> out;
    // "flops:seconds", or "flops:seconds:busy"; anything unreadable (an edited or old settings file) is skipped.
    for (const QString& entry : store_->value(k).toStringList()) {
        const QStringList parts = entry.split(QLatin1Char(':'));
        bool okF = false, okS = false;
        const double f = parts.value(0).toDouble(&okF), s = parts.value(1).toDouble(&okS);
        const bool busy = parts.size() == 3 && parts[2] == kBusyTag;
        if ((parts.size() == 2 || busy) && okF && okS && f > 0 && s > 0 && std::isfinite(f) && std::isfinite(s))
            out.push_back({f, s, busy});
    }
    return out;
}

void SpeedCalibration::store(const QString& key, CostStage stage, const QList<Sample>& samples) {
    const QString k = settingsKey(key, stage);
    if (!store_) {
        session_.insert(k, samples);
        return;
    }
    QStringList entries;
    for (const Sample& s : samples)
        entries << QStringLiteral("%1:%2%3")
                       .arg(s.flops, 0, 'g', 17)  // exact round trip
                       .arg(s.seconds, 0, 'g', 17)
                       .arg(s.busy ? QStringLiteral(":%1").arg(kBusyTag) : QString());
    store_->setValue(k, entries);
}

void SpeedCalibration::record(const QString& key, CostStage stage, double flops, double seconds, bool busy) {
    if (!(flops > 0) || !(seconds > 0) || !std::isfinite(flops) || !std::isfinite(seconds))
        return;
    QList<Sample> list = samples(key, stage);
    for (qsizetype i = list.size() - 1; i >= 0; --i)
        if (std::abs(std::log(list[i].flops / flops)) < std::log(1.1)) {
            if (busy && !list[i].busy)
                return;  // the quiet machine's figure for this size stays
            list.removeAt(i);
        }
    list.push_back({flops, seconds, busy});
    while (list.size() > kSamples) {  // the oldest busy one goes first, then the oldest
        const auto busyOne = std::find_if(list.begin(), list.end(), [](const Sample& m) { return m.busy; });
        list.erase(busyOne != list.end() ? busyOne : list.begin());
    }
    store(key, stage, list);
}

std::optional<SpeedCalibration::Time> SpeedCalibration::seconds(const QString& key, CostStage stage, double flops) const {
    const QList<Sample> list = samples(key, stage);
    if (list.isEmpty() || !(flops >= 0))
        return std::nullopt;
    const auto distance = [&](const Sample& s) { return std::abs(std::log(s.flops / std::max(flops, 1.0))); };
    const auto better = [&](const Sample& a, const Sample& b) {  // quiet before busy, then the nearest size
        return a.busy != b.busy ? !a.busy : distance(a) < distance(b);
    };
    const Sample* chosen = &list.front();
    for (const Sample& s : list)
        if (better(s, *chosen))
            chosen = &s;
    return Time{flops * chosen->seconds / chosen->flops, chosen->busy};
}

bool SpeedCalibration::knows(const QString& key) const {
    for (CostStage s : {CostStage::Encode, CostStage::Denoise, CostStage::Decode}) {
        const QList<Sample> list = samples(key, s);
        if (std::none_of(list.begin(), list.end(), [](const Sample& m) { return !m.busy; }))
            return false;
    }
    return true;
}

} // namespace i2v::ui
