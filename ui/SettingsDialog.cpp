#include "ui/SettingsDialog.h"

#include "pipeline/GenerationLimits.h"

#include "hub/HubSettings.h"
#include "ui/OutputFolder.h"
#include "ui/ScreenRoom.h"
#include "ui/StatusColors.h"
#include "ui/VerticalScrollArea.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace i2v::ui {
namespace {

QWidget* folderRow(QLineEdit* edit, const QString& caption, QWidget* parent) {
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QToolButton(row);
    browse->setText(SettingsDialog::tr("Choose…"));
    QObject::connect(browse, &QToolButton::clicked, edit, [edit, caption] {
        const QString dir = QFileDialog::getExistingDirectory(edit->window(), caption, edit->text());
        if (!dir.isEmpty())
            edit->setText(QDir::toNativeSeparators(dir));
    });
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    return row;
}

void setItemEnabled(QComboBox* combo, int row, bool enabled) {
    if (auto* model = qobject_cast<QStandardItemModel*>(combo->model()); model && model->item(row))
        model->item(row)->setEnabled(enabled);
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings& initial, const RuntimeInfo& runtime, QWidget* parent)
    : QDialog(parent), cudaAvailable_(runtime.cudaAvailable), cpu_(runtime.cpu) {
    setWindowTitle(tr("Settings"));
    // Room for folder paths, the endpoint and the placeholders that say what an empty field means.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    modelDir_ = new QLineEdit(QDir::toNativeSeparators(initial.modelDir), this);
    modelDir_->setObjectName(QStringLiteral("settingsModelFolder"));
    modelDir_->setPlaceholderText(tr("Automatic: the best model found"));
    modelDir_->setToolTip(tr("Empty: the real I2VGen-XL when it is on this computer (in the app's models folder or "
                             "the model cache), else the demo model"));
    outputFolder_ = new QLineEdit(QDir::toNativeSeparators(initial.outputFolder), this);
    outputFolder_->setObjectName(QStringLiteral("settingsOutputFolder"));
    outputFolder_->setToolTip(tr("Every finished video is written here as an mp4"));
    outputFolderError_ = new QLabel(this);
    outputFolderError_->setObjectName(QStringLiteral("settingsOutputFolderError"));
    outputFolderError_->setWordWrap(true);
    followPalette(outputFolderError_, [this] { outputFolderError_->setStyleSheet(toneLabelStyle(Tone::Error)); });
    outputFolderError_->setVisible(false);
    connect(outputFolder_, &QLineEdit::textChanged, outputFolderError_, [this] {
        outputFolderError_->clear();
        outputFolderError_->setVisible(false);
    });

    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("settingsThreads"));
    threads_->setRange(0, 256);
    threads_->setSpecialValueText(tr("One per core (%1)").arg(QThread::idealThreadCount()));
    threads_->setValue(initial.engine.threads);

    device_ = new QComboBox(this);
    device_->setObjectName(QStringLiteral("settingsDevice"));
    device_->addItem(tr("Automatic (the GPU when there is one)"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    const int cudaItem = device_->findData(QStringLiteral("cuda"));
    auto* cudaNote = new QLabel(this);
    cudaNote->setObjectName(QStringLiteral("settingsCudaNote"));
    cudaNote->setWordWrap(true);
    if (!cudaAvailable_) {
        setItemEnabled(device_, cudaItem, false);
        const QString why = tr("No CUDA GPU: %1").arg(QString::fromStdString(runtime.cudaProblem));
        device_->setItemData(cudaItem, why, Qt::ToolTipRole);
        cudaNote->setText(why);
    }
    cudaNote->setVisible(!cudaAvailable_);
    const int chosenDevice = device_->findData(QString::fromStdString(initial.engine.pipeline.device));
    device_->setCurrentIndex(chosenDevice < 0 || (chosenDevice == cudaItem && !cudaAvailable_) ? 0 : chosenDevice);

    dtype_ = new QComboBox(this);
    dtype_->setObjectName(QStringLiteral("settingsDtype"));
    dtype_->addItem(tr("Automatic (float16 on a GPU, float32 on the CPU)"), QStringLiteral("auto"));
    dtype_->addItem(tr("float32 (exact: the same video as diffusers)"), QStringLiteral("fp32"));
    dtype_->addItem(cpu_.fastBf16() ? tr("Fast: bfloat16 (recommended on this processor)")
                                    : tr("bfloat16 (half the memory)"),
                    QStringLiteral("bf16"));
    dtype_->setItemData(dtype_->findData(QStringLiteral("bf16")),
                        // AVX512-BF16 alone doubles the dot products' rate (the UNet measured 1.8-2x float32 on
                        // such a Zen 4, bench/RESULTS.md); AMX tiles give several times.
                        cpu_.amxBf16 ? tr("This processor has bfloat16 instructions: several times faster than float32 "
                                          "and half the memory, with a video that differs slightly from float32's")
                        : cpu_.fastBf16()
                            ? tr("This processor has bfloat16 instructions: about twice as fast as float32 and half the "
                                 "memory, with a video that differs slightly from float32's")
                            : tr("This processor has no bfloat16 instructions: bfloat16 is no faster than float32 here, "
                                 "but needs half the memory"),
                        Qt::ToolTipRole);
    processor_ = new QLabel(tr("%1 — %2")
                                .arg(QString::fromStdString(describeCpuFeatures(cpu_)),
                                     cpu_.fastBf16() ? tr("bfloat16 runs on hardware made for it")
                                                     : tr("no bfloat16 instructions")),
                            this);
    processor_->setObjectName(QStringLiteral("settingsProcessor"));
    processor_->setWordWrap(true);
    dtype_->addItem(tr("float16 (CUDA only)"), QStringLiteral("fp16"));
    dtype_->setCurrentIndex(std::max(0, dtype_->findData(QString::fromLatin1(computeDtypeName(initial.engine.pipeline.dtype)))));

    attentionChunk_ = new QSpinBox(this);
    attentionChunk_->setObjectName(QStringLiteral("settingsAttentionChunk"));
    attentionChunk_->setRange(0, 65536);
    attentionChunk_->setSingleStep(64);
    attentionChunk_->setSuffix(tr(" MiB"));
    attentionChunk_->setSpecialValueText(tr("Unbounded"));
    attentionChunk_->setToolTip(tr("Largest block of attention scores computed at once: smaller uses less memory"));
    attentionChunk_->setValue(initial.engine.attentionChunkMb());

    offload_ = new QCheckBox(tr("Free the text and image encoders after each use"), this);
    offload_->setObjectName(QStringLiteral("settingsOffload"));
    offload_->setChecked(initial.engine.pipeline.offloadEncoders);
    vaeTiling_ = new QCheckBox(tr("Decode frames in overlapping tiles"), this);
    vaeTiling_->setObjectName(QStringLiteral("settingsVaeTiling"));
    vaeTiling_->setChecked(initial.engine.pipeline.vaeTiling);
    keepFp16Weights_ = new QCheckBox(tr("Keep fp16 weight files in half precision"), this);
    keepFp16Weights_->setObjectName(QStringLiteral("settingsKeepFp16Weights"));
    keepFp16Weights_->setToolTip(tr("Loads the .fp16 weight files when the model has them and keeps them in half "
                                    "precision: half the weight memory, every computation still in float32, a "
                                    "little slower per step"));
    keepFp16Weights_->setChecked(initial.engine.pipeline.keepHalfWeights);

    decodeChunk_ = new QSpinBox(this);
    decodeChunk_->setObjectName(QStringLiteral("settingsDecodeChunk"));
    decodeChunk_->setRange(limits::kDecodeChunk.min, limits::kDecodeChunk.max);
    decodeChunk_->setToolTip(tr("Frames per VAE decoder call: 1 uses the least memory"));
    decodeChunk_->setValue(initial.decodeChunk);

    preview_ = new QComboBox(this);
    preview_->setObjectName(QStringLiteral("settingsPreview"));
    preview_->addItem(tr("Fast (latent projection)"), int(PreviewMode::LatentProjection));
    preview_->addItem(tr("Exact (VAE decode, slow)"), int(PreviewMode::FullDecode));
    preview_->addItem(tr("Off"), int(PreviewMode::None));
    preview_->setCurrentIndex(std::max(0, preview_->findData(int(initial.preview))));
    notifyWhenDone_ = new QCheckBox(tr("Notify me when a video is ready while I use other windows"), this);
    notifyWhenDone_->setObjectName(QStringLiteral("settingsNotifyWhenDone"));
    notifyWhenDone_->setToolTip(tr("A desktop notification when a job ends or fails while I2V Studio is in the "
                                   "background or minimized; clicking it brings the window back"));
    notifyWhenDone_->setChecked(initial.notifyWhenDone);

    // Empty fields fall back on what huggingface_hub reads from the environment: say what that is here.
    const hub::HubSettings environment = hub::HubSettings::fromEnvironment();
    hubEndpoint_ = new QLineEdit(initial.hub.endpoint, this);
    hubEndpoint_->setObjectName(QStringLiteral("settingsHubEndpoint"));
    hubEndpoint_->setPlaceholderText(qEnvironmentVariableIsEmpty("HF_ENDPOINT")
                                         ? tr("%1 (the Hugging Face Hub)").arg(QString::fromStdString(environment.endpoint))
                                         : tr("%1 (from HF_ENDPOINT)").arg(QString::fromStdString(environment.endpoint)));
    hubEndpoint_->setToolTip(tr("A mirror of the Hugging Face Hub to download from, such as https://hf-mirror.com"));
    hubToken_ = new QLineEdit(initial.hub.token, this);
    hubToken_->setObjectName(QStringLiteral("settingsHubToken"));
    hubToken_->setEchoMode(QLineEdit::Password);
    hubToken_->setPlaceholderText(environment.token.empty() ? tr("None: public models only")
                                                            : tr("The one huggingface_hub uses here (HF_TOKEN or its login)"));
    hubToken_->setToolTip(tr("Needed only for gated or private models (huggingface.co ▸ Settings ▸ Access Tokens). "
                             "Kept in %1, readable by you alone, never in the settings file.")
                              .arg(QDir::toNativeSeparators(HubPreferences::tokenFilePath())));
    hubCacheDir_ = new QLineEdit(QDir::toNativeSeparators(initial.hub.cacheDir), this);
    hubCacheDir_->setObjectName(QStringLiteral("settingsHubCacheDir"));
    hubCacheDir_->setPlaceholderText(QDir::toNativeSeparators(QString::fromStdString(hub::HubSettings::defaultCacheDir().string())));
    hubCacheDir_->setToolTip(tr("Where downloaded models are kept, in the layout huggingface_hub and diffusers share: "
                                "a model downloaded by one is found by the others"));

    auto* files = new QGroupBox(tr("Folders"), this);
    auto* filesForm = new QFormLayout(files);
    filesForm->addRow(tr("Model folder"), folderRow(modelDir_, tr("Choose an I2VGen-XL model folder"), files));
    filesForm->addRow(tr("Output folder"), folderRow(outputFolder_, tr("Choose the output folder"), files));
    filesForm->addRow(QString(), outputFolderError_);

    auto* engine = new QGroupBox(tr("Engine"), this);
    auto* engineForm = new QFormLayout(engine);
    engineForm->addRow(tr("Threads"), threads_);
    engineForm->addRow(tr("Device"), device_);
    engineForm->addRow(QString(), cudaNote);
    engineForm->addRow(tr("Processor"), processor_);
    engineForm->addRow(tr("Compute precision"), dtype_);

    lowMemory_ = new QCheckBox(tr("Low-memory mode"), this);
    lowMemory_->setObjectName(QStringLiteral("settingsLowMemory"));
    lowMemory_->setToolTip(tr("Sets every option below for the least memory at once: encoders freed after use, tiled "
                              "decoding one frame at a time, fp16 weights kept in half precision, small attention "
                              "chunks. Each stays adjustable; a job takes a little longer"));
    lowMemory_->setChecked(isLowMemory(initial.engine) && initial.decodeChunk == 1);
    beforeLowMemory_ = initial.engine;
    decodeChunkBeforeLowMemory_ = initial.decodeChunk;
    memoryEstimate_ = new QLabel(this);
    memoryEstimate_->setObjectName(QStringLiteral("settingsMemoryEstimate"));
    memoryEstimate_->setWordWrap(true);
    memoryEstimate_->setVisible(false);

    auto* memory = new QGroupBox(tr("Memory"), this);
    auto* memoryForm = new QFormLayout(memory);
    memoryForm->addRow(lowMemory_);
    memoryForm->addRow(tr("Attention chunk"), attentionChunk_);
    memoryForm->addRow(tr("Decode chunk"), decodeChunk_);
    memoryForm->addRow(offload_);
    memoryForm->addRow(vaeTiling_);
    memoryForm->addRow(keepFp16Weights_);
    memoryForm->addRow(memoryEstimate_);

    auto* jobs = new QGroupBox(tr("While generating"), this);
    auto* jobsForm = new QFormLayout(jobs);
    jobsForm->addRow(tr("Preview"), preview_);
    jobsForm->addRow(notifyWhenDone_);

    auto* hubBox = new QGroupBox(tr("Model hub"), this);
    auto* hubForm = new QFormLayout(hubBox);
    hubForm->addRow(tr("Download from"), hubEndpoint_);
    hubForm->addRow(tr("Access token"), hubToken_);
    hubForm->addRow(tr("Model cache"), folderRow(hubCacheDir_, tr("Choose the model cache folder"), hubBox));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // On a laptop screen the groups are taller than the dialog can be: they scroll, as the main window's form
    // does, instead of squeezing the word-wrapped notes (the CUDA note, the memory estimate) to a cut-off line.
    auto* content = new QWidget;
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* group : std::initializer_list<QWidget*>{files, engine, memory, jobs, hubBox})
        contentLayout->addWidget(group);
    auto* scroll = verticalScrollArea(QStringLiteral("settingsDialogScroll"), this);
    scroll->setWidget(content);
    const int scrollBar = scroll->verticalScrollBar()->sizeHint().width();
    scroll->setMinimumWidth(content->minimumSizeHint().width() + scrollBar);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(buttons);
    // As tall as the groups need where the screen allows (a scroll area alone would ask for a few hundred pixels).
    const QMargins m = layout->contentsMargins();
    QSize wanted(content->sizeHint().width() + scrollBar + m.left() + m.right(),
                 content->sizeHint().height() + layout->spacing() + buttons->sizeHint().height() + m.top() + m.bottom());
    resize(wanted.boundedTo(roomOnScreen(this)));

    connect(device_, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::updateEngineChoices);
    connect(dtype_, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::updateEngineChoices);
    connect(lowMemory_, &QCheckBox::toggled, this, &SettingsDialog::setLowMemory);
    // A memory option changed by hand: the switch says whether all of them are at their low-memory values.
    const auto memoryChanged = [this] {
        const AppSettings s = settings();
        const QSignalBlocker block(lowMemory_);
        lowMemory_->setChecked(isLowMemory(s.engine) && s.decodeChunk == 1);
        updateMemoryEstimate();
    };
    for (QCheckBox* c : {offload_, vaeTiling_, keepFp16Weights_})
        connect(c, &QCheckBox::toggled, this, memoryChanged);
    for (QSpinBox* sb : {attentionChunk_, decodeChunk_})
        connect(sb, qOverload<int>(&QSpinBox::valueChanged), this, memoryChanged);
    connect(dtype_, qOverload<int>(&QComboBox::currentIndexChanged), this, &SettingsDialog::updateMemoryEstimate);
    updateEngineChoices();
}

void SettingsDialog::setLowMemory(bool on) {
    const QSignalBlocker block(lowMemory_);
    if (on) {
        const AppSettings now = settings();
        beforeLowMemory_ = now.engine;
        decodeChunkBeforeLowMemory_ = now.decodeChunk;
        const EngineSettings low = withLowMemory(now.engine);
        offload_->setChecked(low.pipeline.offloadEncoders);
        vaeTiling_->setChecked(low.pipeline.vaeTiling);
        keepFp16Weights_->setChecked(low.pipeline.keepHalfWeights);
        attentionChunk_->setValue(low.attentionChunkMb());
        decodeChunk_->setValue(1);
    } else {  // back to what was set before the switch was turned on
        offload_->setChecked(beforeLowMemory_.pipeline.offloadEncoders);
        vaeTiling_->setChecked(beforeLowMemory_.pipeline.vaeTiling);
        keepFp16Weights_->setChecked(beforeLowMemory_.pipeline.keepHalfWeights);
        attentionChunk_->setValue(beforeLowMemory_.attentionChunkMb());
        decodeChunk_->setValue(decodeChunkBeforeLowMemory_);
    }
    lowMemory_->setChecked(on);
    updateMemoryEstimate();
}

void SettingsDialog::setJobEstimator(std::function<JobEstimate(const AppSettings&)> estimator) {
    estimator_ = std::move(estimator);
    updateMemoryEstimate();
}

void SettingsDialog::setMeasuredBf16SpeedUp(std::optional<double> speedUp) {
    if (!speedUp || !cpu_.fastBf16())
        return;
    dtype_->setItemText(dtype_->findData(QStringLiteral("bf16")),
                        tr("Fast: bfloat16 (recommended: %1× float32's speed here)").arg(*speedUp, 0, 'f', 1));
}

void SettingsDialog::updateMemoryEstimate() {
    if (!estimator_) {
        memoryEstimate_->setVisible(false);
        return;
    }
    const JobEstimate e = estimator_(settings());
    if (e.peakBytes <= 0) {
        memoryEstimate_->setVisible(false);
        return;
    }
    QString text = e.availableBytes > 0
                       ? tr("The job in the window needs about %1 of this computer's %2 with these settings.")
                             .arg(formatBytes(e.peakBytes), formatBytes(e.availableBytes))
                       : tr("The job in the window needs about %1 of memory with these settings.").arg(formatBytes(e.peakBytes));
    if (e.lowMemoryPeakBytes && !lowMemory_->isChecked())
        text += QLatin1Char(' ') + tr("Low-memory mode: about %1.").arg(formatBytes(*e.lowMemoryPeakBytes));
    memoryEstimate_->setText(text);
    memoryEstimate_->setStyleSheet(e.fits() ? QString() : toneLabelStyle(Tone::Error));
    memoryEstimate_->setVisible(true);
}

void SettingsDialog::updateEngineChoices() {
    // The engine refuses float16 on the CPU (no half kernels for most ops there).
    const QString device = device_->currentData().toString();
    const bool cuda = device == QLatin1String("cuda") || (device == QLatin1String("auto") && cudaAvailable_);
    setItemEnabled(dtype_, dtype_->findData(QStringLiteral("fp16")), cuda);
    if (!cuda && dtype_->currentData().toString() == QLatin1String("fp16"))
        dtype_->setCurrentIndex(dtype_->findData(QStringLiteral("bf16")));
    // Half weights under float32 compute only: with bf16/fp16 compute every weight is half already.
    const QString dtype = dtype_->currentData().toString();
    keepFp16Weights_->setEnabled(dtype == QLatin1String("fp32") || (dtype == QLatin1String("auto") && !cuda));
}

void SettingsDialog::accept() {
    const QString problem = outputFolderProblem(settings().outputFolder);
    if (!problem.isEmpty()) {
        outputFolderError_->setText(problem);
        outputFolderError_->setVisible(true);
        outputFolder_->setFocus();
        outputFolder_->selectAll();
        return;
    }
    QDialog::accept();
}

QString SettingsDialog::outputFolderError() const { return outputFolderError_->isHidden() ? QString() : outputFolderError_->text(); }

AppSettings SettingsDialog::settings() const {
    AppSettings s;
    s.modelDir = QDir::fromNativeSeparators(modelDir_->text().trimmed());
    s.outputFolder = QDir::fromNativeSeparators(outputFolder_->text().trimmed());
    if (s.outputFolder.isEmpty())
        s.outputFolder = AppSettings::defaultOutputFolder();
    s.engine.threads = threads_->value();
    PipelineOptions& p = s.engine.pipeline;
    p.device = device_->currentData().toString().toStdString();
    p.dtype = parseComputeDtype(dtype_->currentData().toString().toStdString());  // the combo's own names
    s.engine.setAttentionChunkMb(attentionChunk_->value());
    p.offloadEncoders = offload_->isChecked();
    p.vaeTiling = vaeTiling_->isChecked();
    p.keepHalfWeights = keepFp16Weights_->isChecked();
    s.decodeChunk = decodeChunk_->value();
    s.preview = PreviewMode(preview_->currentData().toInt());
    s.notifyWhenDone = notifyWhenDone_->isChecked();
    s.hub.endpoint = hubEndpoint_->text().trimmed();
    s.hub.token = hubToken_->text().trimmed();
    s.hub.cacheDir = QDir::fromNativeSeparators(hubCacheDir_->text().trimmed());
    return s;
}

} // namespace i2v::ui
