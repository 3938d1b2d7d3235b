#include "ui/GenerationForm.h"

#include "pipeline/GenerationLimits.h"
#include "pipeline/GenerationRequestJson.h"
#include "ui/DropZone.h"
#include "ui/GenerationWorker.h"
#include "ui/PresetRow.h"
#include "ui/PromptTokenCounter.h"
#include "ui/StatusColors.h"

#include <nlohmann/json.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace i2v::ui {
namespace {

constexpr QSize kSizePresets[] = {{1280, 704}, {704, 1280}, {1024, 576}, {512, 288}};

// The stored form: the job's settings as core writes them, and the rows that only the form has.
constexpr char kJobKey[] = "form/job";
constexpr char kSeedLockedKey[] = "form/seedLocked";
constexpr char kRunsKey[] = "form/runs";
constexpr char kSeedModeKey[] = "form/seedMode";
constexpr char kAdvancedKey[] = "form/advanced";

int randomSeed() { return int(QRandomGenerator::global()->bounded(INT_MAX)); }

template <class T> void setRange(QSpinBox* box, limits::Range<T> range) { box->setRange(range.min, range.max); }
template <class T> void setRange(QDoubleSpinBox* box, limits::Range<T> range) { box->setRange(range.min, range.max); }

} // namespace

GenerationForm::GenerationForm(DropZone* picture, JobPresets* presets, QWidget* parent)
    : QWidget(parent), picture_(picture), presets_(presets), tokens_(std::make_unique<PromptTokenCounter>()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildPrompts(), 1);
    layout->addWidget(buildSettings());
    setRequest(JobRequest());  // the engine's defaults
    seedLock_->setChecked(false);
}

GenerationForm::~GenerationForm() = default;

const char* GenerationForm::recommendedNegativePrompt() {
    // The negative prompt of the ali-vilab/i2vgen-xl model card's example (and diffusers' I2VGen-XL docs).
    return "Distorted, discontinuous, Ugly, blurry, low resolution, motionless, static, disfigured, disconnected "
           "limbs, Ugly faces, incomplete arms";
}

QWidget* GenerationForm::buildPrompts() {
    auto* box = new QGroupBox(tr("Prompt"), this);
    auto* layout = new QVBoxLayout(box);
    prompt_ = new QPlainTextEdit(box);
    prompt_->setObjectName(QStringLiteral("prompt"));
    prompt_->setPlaceholderText(tr("What should happen in the video"));
    prompt_->setTabChangesFocus(true);
    promptCount_ = new QLabel(box);
    promptCount_->setObjectName(QStringLiteral("promptTokens"));
    negative_ = new QPlainTextEdit(box);
    negative_->setObjectName(QStringLiteral("negativePrompt"));
    negative_->setPlaceholderText(tr("What to avoid (negative prompt)"));
    negative_->setTabChangesFocus(true);
    negativeCount_ = new QLabel(box);
    negativeCount_->setObjectName(QStringLiteral("negativeTokens"));
    // Three lines at least; the prompt takes the panel's spare height, the negative prompt stays compact.
    const int line = prompt_->fontMetrics().lineSpacing();
    for (QPlainTextEdit* edit : {prompt_, negative_})
        edit->setMinimumHeight(3 * line + 12);
    negative_->setMaximumHeight(5 * line + 12);
    layout->addWidget(prompt_, 1);
    layout->addWidget(promptCount_, 0, Qt::AlignRight);
    // The negative prompt opens filled in (the recommended one), so its placeholder never shows: a label above
    // it says what the second box is.
    auto* negativeLabel = new QLabel(tr("&Negative prompt (what to avoid):"), box);
    negativeLabel->setBuddy(negative_);
    auto* recommended = new QToolButton(box);
    recommended->setObjectName(QStringLiteral("recommendedNegative"));
    // A button that looks like one: flat, "Recommended" beside the label read as a verdict on the text.
    recommended->setText(tr("Use recommended"));
    recommended->setToolTip(tr("Put back the negative prompt the I2VGen-XL model card recommends"));
    connect(recommended, &QToolButton::clicked, this,
            [this] { negative_->setPlainText(QString::fromLatin1(recommendedNegativePrompt())); });
    auto* negativeRow = new QHBoxLayout;
    negativeRow->addWidget(negativeLabel);
    negativeRow->addWidget(recommended);
    negativeRow->addStretch(1);
    negativeRow->addWidget(negativeCount_);
    layout->addLayout(negativeRow);
    layout->addWidget(negative_);
    connect(prompt_, &QPlainTextEdit::textChanged, this, [this] { updateTokenCount(prompt_, promptCount_); });
    connect(negative_, &QPlainTextEdit::textChanged, this, [this] { updateTokenCount(negative_, negativeCount_); });
    return box;
}

QWidget* GenerationForm::buildSettings() {
    auto* box = new QGroupBox(tr("Settings"), this);
    auto* form = new QFormLayout(box);
    scheduler_ = new QComboBox(box);
    scheduler_->setObjectName(QStringLiteral("scheduler"));
    scheduler_->addItem(tr("Model default"), QString());
    for (const QString& name : GenerationWorker::schedulerNames()) {
        const SchedulerAdvice advice = schedulerAdvice(name);
        scheduler_->addItem(advice.label, name);
        scheduler_->setItemData(scheduler_->count() - 1, advice.advice, Qt::ToolTipRole);
    }
    scheduler_->setToolTip(tr("How the noise is removed step by step: each method needs a different number of steps "
                              "for a clean video"));
    connect(scheduler_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GenerationForm::updateEtaEnabled);
    steps_ = new QSpinBox(box);
    steps_->setObjectName(QStringLiteral("steps"));
    setRange(steps_, limits::kSteps);
    steps_->setToolTip(tr("More steps give a cleaner video and take longer: the time grows with the steps"));
    guidance_ = new QDoubleSpinBox(box);
    guidance_->setObjectName(QStringLiteral("guidance"));
    setRange(guidance_, limits::kGuidance);
    guidance_->setSingleStep(0.5);
    guidance_->setToolTip(tr("How strongly the video follows the prompt: higher follows it more closely, lower gives "
                             "the model more freedom; 1 or less ignores the prompts and halves the time"));
    eta_ = new QDoubleSpinBox(box);
    eta_->setObjectName(QStringLiteral("eta"));
    setRange(eta_, limits::kEta);
    eta_->setSingleStep(0.1);
    eta_->setToolTip(tr("DDIM only: 0 is deterministic, 1 adds fresh noise every step"));

    seed_ = new QSpinBox(box);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, INT_MAX);
    seed_->setToolTip(tr("The starting noise: the same seed and settings give the same video again"));
    auto* randomise = new QToolButton(box);
    randomise->setText(tr("Random"));
    randomise->setToolTip(tr("Pick a new random seed"));
    connect(randomise, &QToolButton::clicked, this, [this] { seed_->setValue(randomSeed()); });
    seedLock_ = new QCheckBox(tr("Lock"), box);
    seedLock_->setObjectName(QStringLiteral("seedLock"));
    seedLock_->setToolTip(tr("Keep this seed; unlocked, every Generate picks a new one"));
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(seed_, 1);
    seedRow->addWidget(randomise);
    seedRow->addWidget(seedLock_);

    frames_ = new QSpinBox(box);
    frames_->setObjectName(QStringLiteral("frames"));
    setRange(frames_, limits::kFrames);
    frames_->setToolTip(tr("How many frames the video has: the model was trained on 16; time and memory grow with them"));
    fps_ = new QSpinBox(box);
    fps_->setObjectName(QStringLiteral("fps"));
    setRange(fps_, limits::kFps);
    fps_->setToolTip(tr("How much motion the model puts between frames: lower values move more per frame. It is "
                        "not the playback speed, which Export sets"));

    sizePreset_ = new QComboBox(box);
    sizePreset_->setObjectName(QStringLiteral("sizePreset"));
    for (const QSize& p : kSizePresets)
        sizePreset_->addItem(tr("%1 × %2").arg(p.width()).arg(p.height()), p);
    sizePreset_->addItem(tr("Custom"), QSize());
    sizePreset_->setToolTip(tr("The video's size in pixels: the model's own is 1280 × 704; time and memory grow with "
                               "the area"));
    width_ = new QSpinBox(box);
    width_->setObjectName(QStringLiteral("width"));
    height_ = new QSpinBox(box);
    height_->setObjectName(QStringLiteral("height"));
    width_->setToolTip(tr("Width in pixels, a multiple of 8"));
    height_->setToolTip(tr("Height in pixels, a multiple of 8"));
    for (QSpinBox* s : {width_, height_}) {
        setRange(s, limits::kSize);
        s->setSingleStep(limits::kSizeMultiple);
        // The model works on 8x8 latent cells: snap typed values to a multiple of 8.
        connect(s, &QSpinBox::editingFinished, this, [s] {
            constexpr int m = limits::kSizeMultiple;
            s->setValue(std::max(m, (s->value() + m / 2) / m * m));
        });
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this,
                [this] { picture_->setTargetSize(width_->value(), height_->value()); });
    }
    connect(sizePreset_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GenerationForm::updateSizeControls);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(sizePreset_);
    // The two boxes share the spare width, so that the "×" stays between them (a label takes spare width too,
    // and left a gap after its sign).
    sizeRow->addWidget(width_, 1);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), box));
    sizeRow->addWidget(height_, 1);

    runs_ = new QSpinBox(box);
    runs_->setObjectName(QStringLiteral("runs"));
    runs_->setRange(1, 100);
    runs_->setPrefix(QStringLiteral("× "));
    runs_->setToolTip(tr("How many jobs Generate queues, one per seed"));
    seedMode_ = new QComboBox(box);
    seedMode_->setObjectName(QStringLiteral("seedMode"));
    seedMode_->addItem(tr("consecutive seeds"), QStringLiteral("consecutive"));
    seedMode_->addItem(tr("random seeds"), QStringLiteral("random"));
    seedMode_->setToolTip(tr("The seeds of the extra runs: the next numbers after the Seed row's, or random ones"));
    auto* runsRow = new QHBoxLayout;
    runsRow->addWidget(runs_);
    runsRow->addWidget(seedMode_, 1);

    presetRow_ = new PresetRow(
        presets_, [this] { return request().generation; },
        [this](const GenerationRequest& g) { setSettings(g); }, box);
    form->addRow(tr("Preset"), presetRow_);
    form->addRow(tr("Scheduler"), scheduler_);
    form->addRow(tr("Steps"), steps_);
    form->addRow(tr("Guidance"), guidance_);
    form->addRow(tr("Seed"), seedRow);
    form->addRow(tr("Frames"), frames_);
    form->addRow(tr("Size"), sizeRow);
    form->addRow(tr("Runs"), runsRow);
    // Two settings the model's defaults serve well: folded away until asked for.
    advanced_ = new QToolButton(box);
    advanced_->setObjectName(QStringLiteral("advancedToggle"));
    advanced_->setText(tr("Advanced"));
    advanced_->setToolTip(tr("Randomness of the DDIM steps and the motion the model aims for"));
    advanced_->setCheckable(true);
    advanced_->setAutoRaise(true);
    advanced_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    form->addRow(advanced_);
    form->addRow(tr("Randomness (eta)"), eta_);
    form->addRow(tr("Motion (fps conditioning)"), fps_);
    const auto showAdvanced = [this, form](bool shown) {
        advanced_->setArrowType(shown ? Qt::DownArrow : Qt::RightArrow);
        form->setRowVisible(eta_, shown);
        form->setRowVisible(fps_, shown);
    };
    connect(advanced_, &QToolButton::toggled, this, showAdvanced);
    showAdvanced(false);

    // What the estimate next to Generate depends on.
    for (QSpinBox* s : {steps_, frames_, width_, height_, runs_})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), this, &GenerationForm::changed);
    connect(guidance_, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &GenerationForm::changed);
    connect(scheduler_, qOverload<int>(&QComboBox::currentIndexChanged), this, &GenerationForm::changed);
    // What a preset holds.
    for (QSpinBox* s : {steps_, frames_, width_, height_, fps_})
        connect(s, qOverload<int>(&QSpinBox::valueChanged), presetRow_, &PresetRow::settingsEdited);
    for (QDoubleSpinBox* s : {guidance_, eta_})
        connect(s, qOverload<double>(&QDoubleSpinBox::valueChanged), presetRow_, &PresetRow::settingsEdited);
    connect(scheduler_, qOverload<int>(&QComboBox::currentIndexChanged), presetRow_, &PresetRow::settingsEdited);
    return box;
}

JobRequest GenerationForm::request() const {
    JobRequest r;
    r.image = picture_->image();
    r.imagePath = picture_->imagePath();
    r.imageName = picture_->sourceName();
    GenerationRequest& g = r.generation;
    g.prompt = prompt_->toPlainText().toStdString();
    g.negativePrompt = negative_->toPlainText().toStdString();
    g.width = width_->value();
    g.height = height_->value();
    g.numFrames = frames_->value();
    g.numInferenceSteps = steps_->value();
    g.guidanceScale = guidance_->value();
    g.targetFps = fps_->value();
    g.scheduler = scheduler_->currentData().toString().toStdString();
    g.eta = eta_->isEnabled() ? eta_->value() : 0.0;
    g.seed = quint64(seed_->value());
    g.cropPosition = picture_->cropPosition();
    return r;
}

bool GenerationForm::setRequest(const JobRequest& r) {
    const GenerationRequest& g = r.generation;
    bool pictureOk = true;
    if (!r.imagePath.isEmpty()) {
        // Read on a pool thread; a picture that is gone or damaged is reported by the picture's own error.
        pictureOk = QFileInfo(r.imagePath).isFile();
        picture_->loadFile(r.imagePath, g.cropPosition);
    } else if (!r.image.isNull()) {
        picture_->setImage(r.image.convertToFormat(QImage::Format_RGB888), QString(),
                           r.imageName.isEmpty() ? tr("the picture of the job") : r.imageName);
        picture_->setCropPosition(g.cropPosition);  // after the picture, which starts centred
    }
    prompt_->setPlainText(QString::fromStdString(g.prompt));
    negative_->setPlainText(QString::fromStdString(g.negativePrompt));
    seed_->setValue(int(std::min<quint64>(g.seed, INT_MAX)));
    seedLock_->setChecked(true);
    runs_->setValue(1);
    setSettings(g);
    return pictureOk;
}

void GenerationForm::setSettings(const GenerationRequest& g) {
    scheduler_->setCurrentIndex(std::max(0, scheduler_->findData(QString::fromStdString(g.scheduler))));
    steps_->setValue(g.numInferenceSteps);
    guidance_->setValue(g.guidanceScale);
    eta_->setValue(g.eta);
    frames_->setValue(g.numFrames);
    fps_->setValue(g.targetFps);
    setSize(g.width, g.height);
    updateEtaEnabled();
}

void GenerationForm::setSize(int width, int height) {
    int preset = sizePreset_->count() - 1;  // Custom
    for (int i = 0; i < sizePreset_->count() - 1; ++i)
        if (sizePreset_->itemData(i).toSize() == QSize(width, height))
            preset = i;
    sizePreset_->setCurrentIndex(preset);
    width_->setValue(width);
    height_->setValue(height);
    updateSizeControls();
}

void GenerationForm::chooseSeed() {
    if (!seedLock_->isChecked())
        seed_->setValue(randomSeed());
}

QVector<JobRequest> GenerationForm::requestsToQueue() {
    chooseSeed();
    JobRequest r = request();
    const bool consecutive = seedMode_->currentData().toString() == QLatin1String("consecutive");
    const quint64 first = r.generation.seed;
    QVector<JobRequest> jobs;
    for (int i = 0; i < runs_->value(); ++i) {
        if (i > 0)
            r.generation.seed = consecutive ? first + quint64(i) : quint64(randomSeed());
        jobs.push_back(r);
    }
    return jobs;
}

JobRequest GenerationForm::continuation(const QImage& frame, const QString& name, const JobRequest* settings) {
    if (settings) {
        // The settings of `settings`, but the seed as the Seed row says: setRequest() puts that job's seed
        // in the box and locks it, which would override the user's locked seed (or a fresh one when unlocked).
        const int seed = seed_->value();
        const bool locked = seedLock_->isChecked();
        JobRequest withoutPicture = *settings;
        withoutPicture.imagePath.clear();
        withoutPicture.image = QImage();
        setRequest(withoutPicture);
        seed_->setValue(seed);
        seedLock_->setChecked(locked);
    }
    picture_->setImage(frame, QString(), name);
    chooseSeed();
    return request();
}

void GenerationForm::load(const QSettings& s) {
    JobRequest stored;
    const QByteArray json = s.value(kJobKey).toByteArray();
    settingsFromJson(nlohmann::json::parse(json.toStdString(), nullptr, /*allow_exceptions=*/false), stored.generation);
    if (!s.contains(kJobKey))  // the first start: the model card's negative prompt
        stored.generation.negativePrompt = recommendedNegativePrompt();
    setRequest(stored);
    seedLock_->setChecked(s.value(kSeedLockedKey, false).toBool());
    runs_->setValue(s.value(kRunsKey, 1).toInt());
    seedMode_->setCurrentIndex(std::max(0, seedMode_->findData(s.value(kSeedModeKey).toString())));
    advanced_->setChecked(s.value(kAdvancedKey, false).toBool());
}

void GenerationForm::save(QSettings& s) const {
    s.setValue(kJobKey, QByteArray::fromStdString(settingsToJson(request().generation).dump()));
    s.setValue(kSeedLockedKey, seedLock_->isChecked());
    s.setValue(kRunsKey, runs_->value());
    s.setValue(kSeedModeKey, seedMode_->currentData().toString());
    s.setValue(kAdvancedKey, advanced_->isChecked());
}

void GenerationForm::setModel(const QString& modelDir) {
    tokens_->load(modelDir);
    updateTokenCount(prompt_, promptCount_);
    updateTokenCount(negative_, negativeCount_);
}

int GenerationForm::runs() const { return runs_->value(); }

GenerationForm::SchedulerAdvice GenerationForm::schedulerAdvice(const QString& name) {
    if (name == QLatin1String("ddim"))
        return {tr("DDIM (the model's own)"), tr("The sampler I2VGen-XL was made with: best at 50 steps, steady at 25")};
    if (name == QLatin1String("dpmpp-2m"))
        return {tr("DPM++ 2M (fast)"), tr("Good results in 20–25 steps: the quickest way to a clean video")};
    if (name == QLatin1String("unipc"))
        return {tr("UniPC (fast)"), tr("Good results in 15–25 steps, close to DPM++ 2M")};
    if (name == QLatin1String("euler"))
        return {tr("Euler"), tr("Simple and predictable: 30–50 steps")};
    if (name == QLatin1String("euler-a"))
        return {tr("Euler Ancestral (varied)"), tr("Adds fresh noise every step: more variety between seeds, 30–50 steps, "
                                                    "never fully settles")};
    if (name == QLatin1String("ddpm"))
        return {tr("DDPM (slow)"), tr("The original sampler: needs hundreds of steps for a clean video")};
    return {name, QString()};
}

void GenerationForm::setDefaultScheduler(const QString& name) {
    defaultScheduler_ = name;
    scheduler_->setItemText(0, name.isEmpty() ? tr("Model default") : tr("Model default: %1").arg(schedulerAdvice(name).label));
    updateEtaEnabled();
}

void GenerationForm::updateTokenCount(QPlainTextEdit* edit, QLabel* label) {
    const PromptTokenCounter::Count c = tokens_->count(edit->toPlainText());
    if (!c.valid) {
        label->clear();
        return;
    }
    if (c.truncated) {
        label->setText(tr("%1 / %2 — the model will not see the end of this text").arg(c.tokens).arg(c.maxTokens));
        label->setStyleSheet(toneLabelStyle(Tone::Error, QStringLiteral("font-weight: bold;")));
    } else {
        label->setText(tr("%1 / %2").arg(c.tokens).arg(c.maxTokens));
        label->setStyleSheet(QString());
    }
}

void GenerationForm::updateSizeControls() {
    const QSize preset = sizePreset_->currentData().toSize();
    const bool custom = !preset.isValid();
    width_->setEnabled(custom);
    height_->setEnabled(custom);
    if (!custom) {
        width_->setValue(preset.width());
        height_->setValue(preset.height());
    }
    picture_->setTargetSize(width_->value(), height_->value());
}

void GenerationForm::updateEtaEnabled() {
    QString name = scheduler_->currentData().toString();
    if (name.isEmpty())
        name = defaultScheduler_;
    eta_->setEnabled(name == QLatin1String("ddim"));
}

} // namespace i2v::ui
