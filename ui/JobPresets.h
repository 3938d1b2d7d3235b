// JobPresets: named sets of a job's settings (size, frames, steps, scheduler, guidance, eta, fps
// conditioning), never its picture, prompts or seed. Two come built in — "Draft" (a quick look: 512×288,
// 8 frames, DPM++ 2M in 20 steps) and "Final" (the model's native 1280×704, 16 frames, 50 DDIM steps, what
// diffusers does by default) — and the user saves, replaces and deletes others by name. User presets live
// in QSettings under presets/<name> as core's settings JSON, so a setting added to GenerationRequest is kept
// by presets with no change here.
#pragma once
#include "pipeline/GenerationRequest.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace i2v::ui {

class JobPresets {
    Q_DECLARE_TR_FUNCTIONS(i2v::ui::JobPresets)
public:
    // `settings` (not owned) holds the user presets.
    explicit JobPresets(QSettings& settings) : settings_(settings) {}

    static QStringList builtInNames();     // "Draft", "Final" (their display names)
    static bool isBuiltIn(const QString& name);
    // What a built-in preset makes, "512 × 288, 8 frames, 20 steps", for the tooltips that offer it (empty for
    // other names).
    static QString builtInSummary(const QString& name);
    QStringList userNames() const;         // sorted, case-insensitively
    // The preset's settings on top of `base` (which keeps its prompts, seed and everything a preset does
    // not hold); nothing when there is no preset of that name.
    std::optional<GenerationRequest> apply(const QString& name, GenerationRequest base) const;
    // Whether `request` has every setting of the preset `name` (false when there is none of that name).
    bool holds(const QString& name, const GenerationRequest& request) const;
    // Saves (or replaces) a user preset from `request`'s settings. The reason when it cannot be saved: an
    // empty name, a built-in's name, a name with '/' or '\'.
    QString save(const QString& name, const GenerationRequest& request);
    bool remove(const QString& name);      // false for built-ins and unknown names

private:
    static std::optional<GenerationRequest> builtInJob(const QString& name);  // Draft's or Final's settings

    QSettings& settings_;
};

} // namespace i2v::ui
