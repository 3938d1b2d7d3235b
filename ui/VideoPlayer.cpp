#include "ui/VideoPlayer.h"

#include "ui/FrameStepButton.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

#include <algorithm>
#include <cmath>

namespace i2v::ui {
namespace {

// Qt 6.4's GStreamer media back end crashes inside QMediaPlayer's constructor when GStreamer's playbin
// is not installed (Debian's qt6-multimedia pulls in no GStreamer plugins), and Qt may pick it first.
// Its FFmpeg back end uses the FFmpeg the export unit already needs, so it is preferred unless the user
// chose a back end with QT_MEDIA_BACKEND. Qt reads the variable once, when the first player is made.
void preferFfmpegBackend() {
    if (!qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        return;
    for (const QString& dir : QCoreApplication::libraryPaths())
        if (!QDir(dir + QStringLiteral("/multimedia")).entryList({QStringLiteral("*ffmpegmediaplugin*")}, QDir::Files).isEmpty()) {
            qputenv("QT_MEDIA_BACKEND", "ffmpeg");
            return;
        }
}


} // namespace

VideoPlayer::VideoPlayer(QWidget* parent) : QWidget(parent) {
    preferFfmpegBackend();
    player_ = new QMediaPlayer(this);
    video_ = new QVideoWidget(this);
    video_->setObjectName(QStringLiteral("videoWidget"));
    video_->setMinimumSize(160, 100);
    player_->setVideoOutput(video_);

    playButton_ = new QToolButton(this);
    playButton_->setObjectName(QStringLiteral("videoPlay"));
    playButton_->setToolTip(tr("Play / pause (Space)"));
    prevButton_ = makeFrameStepButton(this, FrameStep::Backward);
    prevButton_->setObjectName(QStringLiteral("videoPreviousFrame"));
    nextButton_ = makeFrameStepButton(this, FrameStep::Forward);
    nextButton_->setObjectName(QStringLiteral("videoNextFrame"));
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setObjectName(QStringLiteral("videoSlider"));
    slider_->setRange(0, 0);
    slider_->setToolTip(tr("Scrub through the video"));
    position_ = new QLabel(this);
    position_->setObjectName(QStringLiteral("videoPosition"));
    position_->setMinimumWidth(90);
    loop_ = new QCheckBox(tr("Loop"), this);
    loop_->setObjectName(QStringLiteral("videoLoop"));
    speed_ = new QComboBox(this);
    speed_->setObjectName(QStringLiteral("videoSpeed"));
    for (double s : {0.25, 0.5, 1.0, 1.5, 2.0})
        speed_->addItem(tr("%1×").arg(s), s);
    speed_->setCurrentIndex(2);
    speed_->setToolTip(tr("Playback speed"));

    auto* row = new QHBoxLayout;
    row->addWidget(prevButton_);
    row->addWidget(playButton_);
    row->addWidget(nextButton_);
    row->addWidget(slider_, 1);
    row->addWidget(position_);
    row->addWidget(loop_);
    row->addWidget(speed_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(video_, 1);
    layout->addLayout(row);

    connect(playButton_, &QToolButton::clicked, this, &VideoPlayer::togglePlay);
    connect(prevButton_, &QToolButton::clicked, this, &VideoPlayer::stepBackward);
    connect(nextButton_, &QToolButton::clicked, this, &VideoPlayer::stepForward);
    connect(slider_, &QSlider::sliderMoved, this, &VideoPlayer::seek);
    connect(loop_, &QCheckBox::toggled, this, &VideoPlayer::setLooping);
    connect(speed_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this] { player_->setPlaybackRate(speed_->currentData().toDouble()); });
    connect(player_, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        slider_->setRange(0, int(std::max<qint64>(0, ms)));
        updatePosition(player_->position());
    });
    connect(player_, &QMediaPlayer::positionChanged, this, &VideoPlayer::updatePosition);
    connect(player_, &QMediaPlayer::playbackStateChanged, this, &VideoPlayer::updatePlayIcon);
    connect(player_, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        // Qt 6.4's FFmpeg back end ignores setLoops() and stops at the end: start again, once this signal has
        // returned. Restarting inside it (the back end is still ending the stream) made the clip end again at
        // once, ~20 times a second, decoding all the while: a core busy for as long as the result was shown.
        if (status == QMediaPlayer::EndOfMedia) {
            QTimer::singleShot(0, this, [this] {
                // Unless the clip was stepped to its end, paused, unlooped or replaced meanwhile.
                if (looping_ && !steppedToEnd_ && player_->mediaStatus() == QMediaPlayer::EndOfMedia) {
                    player_->setPosition(0);
                    player_->play();
                }
            });
        } else if (status == QMediaPlayer::LoadedMedia && !announcedLoaded_) {
            // Once per file: Qt 6.8's FFmpeg back end goes back to LoadedMedia after every seek of a paused
            // player, and a second `loaded` would start playback (ResultView plays a file once it loads).
            announcedLoaded_ = true;
            emit loaded();
        }
        else if (status == QMediaPlayer::InvalidMedia && !reportedFailure_) {
            reportedFailure_ = true;
            emit failed(player_->errorString().isEmpty() ? tr("the file cannot be played") : player_->errorString());
        }
    });
    connect(player_, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error, const QString& text) {
        if (error == QMediaPlayer::NoError || reportedFailure_)
            return;
        reportedFailure_ = true;
        emit failed(text.isEmpty() ? tr("the file cannot be played") : text);
    });
    setLooping(true);
    loop_->setChecked(true);
    updatePlayIcon();
    updatePosition(0);
}

VideoPlayer::~VideoPlayer() {
    // Stop before the video sink goes away, and tell nobody: the owner may be half destroyed already.
    disconnect(player_, nullptr, this, nullptr);
    blockSignals(true);
    player_->stop();
    player_->setVideoOutput(nullptr);
}

bool VideoPlayer::isAvailable() const { return player_->isAvailable(); }

void VideoPlayer::openFile(const QString& path) {
    file_ = path;
    reportedFailure_ = false;
    announcedLoaded_ = false;
    if (!isAvailable()) {
        reportedFailure_ = true;
        emit failed(tr("Qt Multimedia has no media back end on this system"));
        return;
    }
    if (!QFileInfo::exists(path)) {
        reportedFailure_ = true;
        emit failed(tr("%1 does not exist").arg(path));
        return;
    }
    const QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    // Qt 6.8 ignores a source equal to the current one (no status change, so no `loaded` or `failed`, which
    // openFile() promises; a file rewritten under its name would not be read again). Unload it first.
    if (player_->source() == url)
        player_->setSource(QUrl());
    player_->setSource(url);
}

void VideoPlayer::clear() {
    player_->stop();
    player_->setSource(QUrl());
    file_.clear();
    reportedFailure_ = false;
    announcedLoaded_ = false;
}

QString VideoPlayer::positionText() const { return position_->text(); }

bool VideoPlayer::isPlaying() const { return player_->playbackState() == QMediaPlayer::PlayingState; }
bool VideoPlayer::isLooping() const { return player_->loops() == QMediaPlayer::Infinite; }
qint64 VideoPlayer::position() const { return player_->position(); }
qint64 VideoPlayer::duration() const { return player_->duration(); }
double VideoPlayer::playbackRate() const { return player_->playbackRate(); }

double VideoPlayer::frameRate() const {
    const double fps = player_->metaData().value(QMediaMetaData::VideoFrameRate).toDouble();
    return fps > 0 ? fps : 8.0;
}

void VideoPlayer::play() {
    steppedToEnd_ = false;
    player_->play();
}
void VideoPlayer::pause() { player_->pause(); }

void VideoPlayer::togglePlay() {
    if (isPlaying())
        pause();
    else
        play();
}

void VideoPlayer::setLooping(bool loop) {
    looping_ = loop;
    player_->setLoops(loop ? QMediaPlayer::Infinite : QMediaPlayer::Once);
    const QSignalBlocker block(loop_);
    loop_->setChecked(loop);
}

void VideoPlayer::setSpeed(double rate) {
    const int index = speed_->findData(rate);
    if (index >= 0)
        speed_->setCurrentIndex(index);  // sets the rate through the combo
    else
        player_->setPlaybackRate(rate);
}

void VideoPlayer::seek(qint64 ms) { player_->setPosition(std::clamp<qint64>(ms, 0, std::max<qint64>(0, duration()))); }

int VideoPlayer::frameCount() const {
    return std::max(1, int(std::lround(double(std::max<qint64>(0, duration())) * frameRate() / 1000.0)));
}

// A frame is shown from its start time until the next one's; at the end of the clip (position ==
// duration) the last frame is on screen.
int VideoPlayer::currentFrame() const {
    const int frame = int(std::floor(double(position()) * frameRate() / 1000.0 + 0.01));
    return std::clamp(frame, 0, frameCount() - 1);
}

// QMediaPlayer has no frame step: pause and seek to the start of the neighbouring frame. The frame is
// read before pausing, because pausing a player that stopped at the end rewinds it to 0.
void VideoPlayer::showFrame(int frame) {
    frame = std::clamp(frame, 0, frameCount() - 1);
    steppedToEnd_ = frame == frameCount() - 1;
    if (player_->playbackState() != QMediaPlayer::PausedState)
        player_->pause();
    seek(qint64(std::lround(frame * 1000.0 / frameRate())));
}

void VideoPlayer::stepForward() {
    const int frame = currentFrame();
    showFrame(frame + 1 < frameCount() ? frame + 1 : (looping_ ? 0 : frame));
}

void VideoPlayer::stepBackward() {
    const int frame = currentFrame();
    showFrame(frame > 0 ? frame - 1 : (looping_ ? frameCount() - 1 : 0));
}

void VideoPlayer::updatePosition(qint64 ms) {
    if (!slider_->isSliderDown()) {
        const QSignalBlocker block(slider_);
        slider_->setValue(int(ms));
    }
    Q_UNUSED(ms);
    position_->setText(duration() > 0 ? tr("frame %1 / %2").arg(currentFrame() + 1).arg(frameCount()) : QString());
}

void VideoPlayer::updatePlayIcon() {
    playButton_->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace i2v::ui
