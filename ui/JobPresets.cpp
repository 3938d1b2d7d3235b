#include "ui/JobPresets.h"

#include "pipeline/GenerationRequestJson.h"

#include <nlohmann/json.hpp>

#include <QSettings>

#include <algorithm>

namespace i2v::ui {
namespace {

constexpr char kGroup[] = "presets";

// What a preset holds: the keys of settingsToJson() that describe how a job is computed, not what it shows.
constexpr const char* kPresetKeys[] = {"width", "height", "frames", "steps", "guidance", "fps", "scheduler", "eta"};

nlohmann::json presetPart(const GenerationRequest& r) {
    const nlohmann::json all = settingsToJson(r);
    nlohmann::json part = nlohmann::json::object();
    for (const char* key : kPresetKeys)
        part[key] = all.at(key);
    return part;
}

GenerationRequest draftJob() {
    GenerationRequest r;
    r.width = 512;
    r.height = 288;
    r.numFrames = 8;
    r.numInferenceSteps = 20;
    r.scheduler = "dpmpp-2m";
    return r;
}

// diffusers' defaults are the model's native job; DDIM is the checkpoint's own scheduler.
GenerationRequest finalJob() {
    GenerationRequest r;
    r.scheduler = "ddim";
    return r;
}

} // namespace

QStringList JobPresets::builtInNames() { return {tr("Draft"), tr("Final")}; }

std::optional<GenerationRequest> JobPresets::builtInJob(const QString& name) {
    const QStringList builtIn = builtInNames();
    if (name == builtIn.at(0))
        return draftJob();
    if (name == builtIn.at(1))
        return finalJob();
    return std::nullopt;
}

bool JobPresets::isBuiltIn(const QString& name) { return builtInNames().contains(name, Qt::CaseInsensitive); }

QString JobPresets::builtInSummary(const QString& name) {
    const std::optional<GenerationRequest> r = builtInJob(name);
    if (!r)
        return {};
    return tr("%1 × %2, %3 frames, %4 steps").arg(r->width).arg(r->height).arg(r->numFrames).arg(r->numInferenceSteps);
}

QStringList JobPresets::userNames() const {
    settings_.beginGroup(kGroup);
    QStringList names = settings_.childKeys();
    settings_.endGroup();
    names.erase(std::remove_if(names.begin(), names.end(), [](const QString& n) { return isBuiltIn(n); }), names.end());
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    return names;
}

std::optional<GenerationRequest> JobPresets::apply(const QString& name, GenerationRequest base) const {
    nlohmann::json part;
    if (const std::optional<GenerationRequest> job = builtInJob(name)) {
        part = presetPart(*job);
    } else {
        const QString key = QStringLiteral("%1/%2").arg(QLatin1String(kGroup), name);
        if (name.isEmpty() || !settings_.contains(key))
            return std::nullopt;
        part = nlohmann::json::parse(settings_.value(key).toByteArray().toStdString(), nullptr, false);
        if (!part.is_object())
            return std::nullopt;
        // Only what a preset holds, even when the stored text has more (edited by hand).
        nlohmann::json kept = nlohmann::json::object();
        for (const char* k : kPresetKeys)
            if (part.contains(k))
                kept[k] = part[k];
        part = kept;
    }
    settingsFromJson(part, base);
    return base;
}

bool JobPresets::holds(const QString& name, const GenerationRequest& request) const {
    const std::optional<GenerationRequest> applied = apply(name, request);
    return applied && presetPart(*applied) == presetPart(request);
}

QString JobPresets::save(const QString& name, const GenerationRequest& request) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return tr("A preset needs a name");
    if (isBuiltIn(trimmed))
        return tr("“%1” is a built-in preset: choose another name").arg(trimmed);
    if (trimmed.contains(QLatin1Char('/')) || trimmed.contains(QLatin1Char('\\')))
        return tr("A preset name cannot contain / or \\");
    settings_.setValue(QStringLiteral("%1/%2").arg(QLatin1String(kGroup), trimmed),
                       QByteArray::fromStdString(presetPart(request).dump()));
    settings_.sync();
    return {};
}

bool JobPresets::remove(const QString& name) {
    const QString key = QStringLiteral("%1/%2").arg(QLatin1String(kGroup), name);
    if (isBuiltIn(name) || name.isEmpty() || !settings_.contains(key))
        return false;
    settings_.remove(key);
    settings_.sync();
    return true;
}

} // namespace i2v::ui
