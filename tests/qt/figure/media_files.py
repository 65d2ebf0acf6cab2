"""Media files for the tests, made at test time: a photo with QImage, a video with Qt's own encoder.

The video is encoded by QMediaRecorder from frames painted here (QVideoFrameInput), so the tests
need no ffmpeg program and no fixture file in the repository.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, QTimer, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import (
    QMediaCaptureSession,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
)

FRAME_US = 100_000  # 10 frames a second


def write_photo(path: Path, colour: str, size: tuple[int, int] = (64, 48)) -> Path:
    """A photo of one colour."""
    image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path)), path
    return path


def write_video(path: Path, colours: list[str], size: tuple[int, int] = (64, 48)) -> Path:
    """An MPEG-4 video of one frame (a tenth of a second) per colour, without sound."""
    session = QMediaCaptureSession()
    frames = QVideoFrameInput()
    session.setVideoFrameInput(frames)
    recorder = QMediaRecorder()
    session.setRecorder(recorder)
    recorder.setMediaFormat(QMediaFormat(QMediaFormat.FileFormat.MPEG4))
    recorder.setVideoResolution(QSize(*size))
    recorder.setVideoFrameRate(1_000_000 / FRAME_US)
    recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
    sent = [0]

    def send() -> None:
        while sent[0] < len(colours):
            image = QImage(size[0], size[1], QImage.Format.Format_RGB32)
            image.fill(QColor(colours[sent[0]]))
            frame = QVideoFrame(image)
            frame.setStartTime(sent[0] * FRAME_US)
            frame.setEndTime((sent[0] + 1) * FRAME_US)
            frame.setStreamFrameRate(1_000_000 / FRAME_US)
            if not frames.sendVideoFrame(frame):
                return  # the encoder is busy: readyToSendVideoFrame calls again
            sent[0] += 1
        recorder.stop()

    loop = QEventLoop()
    frames.readyToSendVideoFrame.connect(send)

    def stopped(state: QMediaRecorder.RecorderState) -> None:
        if state is QMediaRecorder.RecorderState.StoppedState:
            loop.quit()

    recorder.recorderStateChanged.connect(stopped)
    recorder.record()
    QTimer.singleShot(0, send)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    assert path.is_file() and sent[0] == len(colours), (recorder.errorString(), sent[0])
    return path
