import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDuration } from '../format';
import { t } from '../i18n';

/** Playback speeds the player offers. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/**
 * A recording player: play/pause, a position slider to seek, speed 0.5–2× and download. `src` is
 * a blob URL of a stored recording or the PBX's http(s) URL.
 */
export function RecordingPlayer(props: { src: string; label: string; downloadName: string; durationMs?: number }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState((props.durationMs ?? 0) / 1000);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const a = audio.current;
    if (a) a.playbackRate = speed;
  }, [speed]);

  const known = (d: number) => Number.isFinite(d) && d > 0;
  return (
    <div class="player" role="group" aria-label={props.label}>
      <audio
        ref={audio}
        src={props.src}
        preload="metadata"
        onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
        onDurationChange={(e) => known(e.currentTarget.duration) && setDuration(e.currentTarget.duration)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => setFailed(true)}
      />
      <button
        type="button"
        onClick={() => {
          const a = audio.current;
          if (!a) return;
          if (a.paused) void a.play().catch(() => setFailed(true));
          else a.pause();
        }}
      >
        {playing ? t('playerPause') : t('playerPlay')}
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(duration, position, 0.1)}
        step={0.1}
        value={position}
        aria-label={t('playerPosition')}
        aria-valuetext={formatDuration(position * 1000)}
        onInput={(e) => {
          const a = audio.current;
          if (a) a.currentTime = Number(e.currentTarget.value);
        }}
      />
      <span class="time">
        {formatDuration(position * 1000)} / {formatDuration(duration * 1000)}
      </span>
      <label class="speed">
        {t('playerSpeed')}
        <select value={String(speed)} onChange={(e) => setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <a href={props.src} download={props.downloadName} target="_blank" rel="noreferrer">
        {t('playerDownload')}
      </a>
      {failed && (
        <p class="error" role="alert">
          {t('playerFailed')}
        </p>
      )}
    </div>
  );
}
