// The preferences of the Settings dialog as values: how the engine loads and runs the model
// (EngineSettings: core's PipelineOptions and the thread count), what every job gets
// (preview mode, decode chunk, output folder) and where models are downloaded from (HubPreferences).
// load()/save() map them to QSettings keys; the hub token has its own file (HubPreferences::writeToken).
#pragma once
#include "ui/HubPreferences.h"
#include "ui/JobRequest.h"

#include "pipeline/PipelineOptions.h"

#include <QMetaType>
#include <QString>

class QSettings;

namespace i2v::ui {

// How the engine loads and runs the model: core's PipelineOptions themselves (the CLI and the benchmark
// fill the same type) plus the thread count, which belongs to the process (libtorch's pool), not to a pipeline.
struct EngineSettings {
    int threads = 0;  // intra-op threads; 0 = one per core
    // The desktop's defaults: the GPU when there is one, 256 MiB attention chunks (the Settings dialog's
    // spin box holds a number, never core's Auto).
    PipelineOptions pipeline = desktopDefaults();

    static PipelineOptions desktopDefaults();
    // The attention bound in MiB as the Settings dialog shows it (0 = unbounded).
    int attentionChunkMb() const;
    void setAttentionChunkMb(int mib);

    bool operator==(const EngineSettings& o) const { return threads == o.threads && pipeline == o.pipeline; }
    bool operator!=(const EngineSettings& o) const { return !(*this == o); }
};

struct AppSettings {
    // The model folder the user chose (File > Choose model folder, Settings, Models > Use); empty: none, and the
    // window picks one itself (ModelLocations.h, automaticModelDir). A folder picked that way is never stored here.
    QString modelDir;
    EngineSettings engine;
    QString outputFolder;
    PreviewMode preview = PreviewMode::LatentProjection;
    int decodeChunk = 1;
    // A desktop notification when a job ends while the app is in the background (JobAttention.h).
    bool notifyWhenDone = true;
    HubPreferences hub;

    // Missing keys take the defaults above; the output folder defaults to defaultOutputFolder(). The hub token
    // is read from its file (HubPreferences::readToken).
    static AppSettings load(const QSettings& settings);
    // Everything but the hub token, which only HubPreferences::writeToken stores.
    void save(QSettings& settings) const;
    static QString defaultOutputFolder();  // <Movies>/I2V Studio
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::EngineSettings)
