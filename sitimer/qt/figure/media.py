"""MediaView: the therapist's own photo or short video of an exercise, shown instead of the figure.

A photo is read with its orientation applied (a phone's JPEG stands upright) and drawn scaled,
aspect kept. A video plays looped and muted — the player has no audio output at all, so nothing
can talk over the cues — and only while it can be seen. A file that cannot be shown leaves one
line saying so in its place; the exercise's words are shown elsewhere and stay.
:func:`media_still` gives the handout the photo, or a video's first frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QHideEvent, QImage, QImageReader, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from sitimer.core.programme.fields import PHOTO_SUFFIXES
from sitimer.core.programme.model import Exercise
from sitimer.core.session.figure import FigureFrame
from sitimer.qt.common.problem_text import in_words
from sitimer.qt.common.style import ERROR, Size, px

LARGEST_PHOTO_PX = 2048  # a phone's 12-megapixel photo is scaled down once, as it is read
STILL_TIMEOUT_MS = 5000  # how long the handout waits for a video's first frame
# Turning a video frame into an image takes the GUI thread 5-15 ms for full HD (no GPU, and the GIL
# is held), time a cue may wait for: frames are turned only when painted, at most this often.
FRAME_GAP_MS = 80


def _tr(text: str) -> str:
    return QCoreApplication.translate("MediaView", text)


def is_photo(path: Path) -> bool:
    """Whether ``path`` names a photo (PNG or JPEG); any other media file is taken for a video."""
    return path.suffix.lower() in PHOTO_SUFFIXES


def read_photo(path: Path) -> QImage:
    """The photo upright (EXIF orientation applied), at most LARGEST_PHOTO_PX on its long side.

    A null image when the file is missing or is not a picture.
    """
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull() or max(image.width(), image.height()) <= LARGEST_PHOTO_PX:
        return image
    return image.scaled(
        LARGEST_PHOTO_PX,
        LARGEST_PHOTO_PX,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


def photo_problem(path: Path) -> str:
    """The one line shown when the photo at ``path`` cannot be shown."""
    if not path.is_file():
        return _tr("Could not show the photo {0}: the file is missing").format(path.name)
    return _tr("Could not show the photo {0}: it is not a picture (PNG or JPEG)").format(path.name)


def video_problem(path: Path, error: QMediaPlayer.Error | None = None) -> str:
    """The one line shown when the video at ``path`` cannot be played (``error`` from the player)."""
    if not path.is_file():
        return _tr("Could not show the video {0}: the file is missing").format(path.name)
    if error is QMediaPlayer.Error.AccessDeniedError:
        return _tr("Could not show the video {0}: no permission to read it").format(path.name)
    return _tr("Could not show the video {0}: it is not a video this computer can play").format(path.name)


class MediaView(QWidget):
    """Shows one exercise's photo or video, scaled to fit, centred, aspect kept; or why it cannot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._found: str | None = None  # what the loader found wrong with the file, when it did
        self._image = QImage()  # the photo, or the video's frame painted last
        self._frame: QVideoFrame | None = None  # the video's latest frame, not yet turned into an image
        self._paint_due = False
        self._running = True  # False while the session it shows in is paused
        self.player = QMediaPlayer(self)  # no audio output is ever set: a video plays silent
        self.player.setLoops(QMediaPlayer.Loops.Infinite)
        self._sink = QVideoSink(self)
        self.player.setVideoOutput(self._sink)
        self._sink.videoFrameChanged.connect(self._new_frame)
        self.player.errorOccurred.connect(self._player_error)
        self.player.mediaStatusChanged.connect(self._media_status)
        self.problem_line = QLabel(self)
        self.problem_line.setWordWrap(True)
        self.problem_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.problem_line.setStyleSheet(f"color: {ERROR};")
        self.problem_line.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_line)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_tr("Photo or video of the exercise"))

    @property
    def problem(self) -> str | None:
        """The line shown instead of the media, when it cannot be shown."""
        return self.problem_line.text() if not self.problem_line.isHidden() else None

    @property
    def image(self) -> QImage:
        """What is shown now: the photo or the video's latest frame (null when nothing)."""
        if self._frame is not None:
            image = self._frame.toImage()
            self._frame = None
            if not image.isNull():
                self._image = image
        return self._image

    def set_exercise(self, exercise: Exercise | None) -> None:
        """Show ``exercise``'s photo or video from now on; a video already playing stops."""
        path = Path(exercise.media) if exercise is not None and exercise.media else None
        found = exercise.media_problem if exercise is not None and path is None else None
        if (path, found) == (self._path, self._found):
            return
        self._path, self._found = path, found
        self.player.stop()
        self.player.setSource(QUrl())
        self._image = QImage()
        self._frame = None
        self._show_problem(None)
        if path is not None:
            self._load(path)
        elif found is not None:  # the loader found the file missing or broken and says why
            self._show_problem(_tr("Could not show the photo or video: {0}").format(in_words(found)))
        self.update()

    def _load(self, path: Path) -> None:
        if is_photo(path):
            self._image = read_photo(path)
            if self._image.isNull():
                self._show_problem(photo_problem(path))
        elif not path.is_file():
            self._show_problem(video_problem(path))
        else:
            self.player.setSource(QUrl.fromLocalFile(str(path)))
            self._play_or_pause()

    def set_running(self, running: bool) -> None:
        """Play the video only while the session runs: paused with it, and on again with it."""
        self._running = running
        self._play_or_pause()

    def _play_or_pause(self) -> None:
        if self.player.source().isEmpty() or self.problem is not None:
            return
        if self._running and self.isVisible():
            self.player.play()
        elif self.player.playbackState() is QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()

    def show_frame(self, frame: FigureFrame | None) -> None:
        """Ignored: a photo or video keeps its own time (the same call as the figure's view)."""

    def sizeHint(self) -> QSize:
        return QSize(240, 320)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._play_or_pause()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._play_or_pause()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        font = self.problem_line.font()
        font.setPixelSize(px(Size.INSTRUCTIONS, self.window().height(), 14))  # as large as the words
        self.problem_line.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._paint_due = False
        image = self.image
        if image.isNull():
            return
        size = image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(QPoint(0, 0), size)
        target.moveCenter(self.rect().center())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, image)
        painter.end()

    def _new_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self._frame = frame
        if not self._paint_due:
            self._paint_due = True
            QTimer.singleShot(FRAME_GAP_MS, self, self.update)

    def _player_error(self, error: QMediaPlayer.Error, _text: str) -> None:
        if error is not QMediaPlayer.Error.NoError and self._path is not None:
            self._fail(video_problem(self._path, error))

    def _media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status is QMediaPlayer.MediaStatus.InvalidMedia and self._path is not None:
            self._fail(video_problem(self._path))

    def _fail(self, line: str) -> None:
        self.player.stop()
        self._image = QImage()
        self._frame = None
        self._show_problem(line)
        self.update()

    def _show_problem(self, line: str | None) -> None:
        self.problem_line.setText(line or "")
        self.problem_line.setVisible(line is not None)


def media_still(exercise: Exercise, timeout_ms: int = STILL_TIMEOUT_MS) -> QImage | None:
    """The exercise's photo, or its video's first frame, for print; None when it cannot be shown.

    Waits for the video's first frame in a local event loop, at most ``timeout_ms``; needs a
    QGuiApplication (offscreen is enough) but no display.
    """
    if not exercise.media:
        return None
    path = Path(exercise.media)
    if is_photo(path):
        photo = read_photo(path)
        return None if photo.isNull() else photo
    if not path.is_file():
        return None
    return _first_frame(path, timeout_ms)


def _first_frame(path: Path, timeout_ms: int) -> QImage | None:
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoOutput(sink)
    loop = QEventLoop()
    found: list[QImage] = []
    done: list[bool] = []  # the player gave up, perhaps before the loop started

    def stop() -> None:
        done.append(True)
        loop.quit()

    def take(frame: QVideoFrame) -> None:
        image = frame.toImage()
        if not image.isNull() and not found:
            found.append(image)
            stop()

    def status(state: QMediaPlayer.MediaStatus) -> None:
        if state in (QMediaPlayer.MediaStatus.InvalidMedia, QMediaPlayer.MediaStatus.EndOfMedia):
            stop()

    sink.videoFrameChanged.connect(take)
    player.errorOccurred.connect(lambda *_: stop())
    player.mediaStatusChanged.connect(status)
    QTimer.singleShot(timeout_ms, loop, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    if not done:
        loop.exec()
    player.stop()
    return found[0] if found else None
