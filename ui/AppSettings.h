// The preferences of the Settings dialog as values: how the engine loads and runs the model
// (EngineSettings, which the GenerationWorker turns into core PipelineOptions) and what every job gets
// (preview mode, decode chunk, output folder). load()/save() map them to QSettings keys.
#pragma once
#include "ui/JobRequest.h"

#include <QMetaType>
#include <QString>

class QSettings;

namespace i2v::ui {

struct EngineSettings {
    int threads = 0;                       // intra-op threads; 0 = one per core
    QString device = QStringLiteral("cpu");  // "cpu" or "cuda"
    QString dtype = QStringLiteral("fp32");  // fp32 | bf16 | fp16 (fp16 only on CUDA)
    int attentionChunkMb = 256;            // bound of one chunk of attention scores; 0 = unbounded
    bool offloadEncoders = false;          // load the text/image encoders per job, free them after
    bool vaeTiling = false;                // decode in overlapping tiles
    bool keepFp16Weights = false;          // fp32 compute: use the .fp16 files, weights kept fp16

    bool operator==(const EngineSettings& o) const {
        return threads == o.threads && device == o.device && dtype == o.dtype && attentionChunkMb == o.attentionChunkMb &&
               offloadEncoders == o.offloadEncoders && vaeTiling == o.vaeTiling && keepFp16Weights == o.keepFp16Weights;
    }
    bool operator!=(const EngineSettings& o) const { return !(*this == o); }
};

struct AppSettings {
    QString modelDir;
    EngineSettings engine;
    QString outputFolder;
    PreviewKind preview = PreviewKind::LatentProjection;
    int decodeChunk = 1;

    // Missing keys take the defaults above; the output folder defaults to defaultOutputFolder().
    static AppSettings load(const QSettings& settings);
    void save(QSettings& settings) const;
    static QString defaultOutputFolder();  // <Movies>/I2V Studio
};

} // namespace i2v::ui

Q_DECLARE_METATYPE(i2v::ui::EngineSettings)
