import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

/** One notification as the browser handed it to the desktop. */
export interface DesktopNotification {
  id: number;
  summary: string;
  body: string;
  /** Action keys and labels, as sent: `['default', '', '0', 'Call now', …]`. */
  actions: string[];
}

interface Bus {
  requestName(name: string, flags: number, cb: (err: unknown, code: number) => void): void;
  exportInterface(obj: object, path: string, iface: object): void;
  connection: { end(): void };
}

/**
 * The desktop's notification service (org.freedesktop.Notifications) on a private D-Bus session
 * bus. Chromium on Linux shows extension notifications through this service when it finds it at
 * start-up, and learns of a click from its ActionInvoked signal, the one a desktop sends when the
 * user clicks a notification. Tests click here, so a click travels the browser's own path to the
 * extension's `notifications.onClicked`.
 */
export class DesktopNotifications extends EventEmitter {
  readonly shown: DesktopNotification[] = [];
  private nextId = 1;
  private readonly service = {
    GetCapabilities: () => ['actions', 'body', 'body-markup'],
    GetServerInformation: () => ['cti-test-desktop', 'cti', '1.0', '1.2'],
    Notify: (
      _app: string,
      replaces: number,
      _icon: string,
      summary: string,
      body: string,
      actions: string[],
    ): number => {
      const id = replaces || this.nextId++;
      const n = { id, summary, body, actions };
      this.shown.push(n);
      this.emit('notify', n);
      return id;
    },
    CloseNotification: (id: number) => {
      // Answer the call first; the signal that it closed follows, as a desktop does.
      setTimeout(() => this.service.emit('NotificationClosed', id, 3), 0);
    },
    // Replaced by the D-Bus library with a function that also sends the signal.
    emit: (...signal: unknown[]): unknown => signal,
  };

  private constructor(
    readonly address: string,
    private readonly daemonPid: number,
    private readonly bus: Bus,
  ) {
    super();
  }

  /** Starts a session bus with the service on it; pass `address` to the browser's environment. */
  static async start(): Promise<DesktopNotifications> {
    const [address, pid] = execFileSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1'])
      .toString()
      .trim()
      .split('\n');
    const dbus = createRequire(import.meta.url)('@homebridge/dbus-native') as {
      sessionBus(o: { busAddress: string }): Bus;
    };
    const bus = dbus.sessionBus({ busAddress: address! });
    const desktop = new DesktopNotifications(address!, Number(pid), bus);
    await new Promise<void>((ok, fail) =>
      bus.requestName('org.freedesktop.Notifications', 0x4, (err, code) =>
        err || code !== 1 ? fail(new Error(`D-Bus name refused (${code}): ${JSON.stringify(err)}`)) : ok(),
      ),
    );
    bus.exportInterface(desktop.service, '/org/freedesktop/Notifications', {
      name: 'org.freedesktop.Notifications',
      methods: {
        GetCapabilities: ['', 'as', [], ['capabilities']],
        GetServerInformation: ['', 'ssss', [], ['name', 'vendor', 'version', 'spec_version']],
        Notify: [
          'susssasa{sv}i',
          'u',
          ['app', 'replaces', 'icon', 'summary', 'body', 'actions', 'hints', 'timeout'],
          ['id'],
        ],
        CloseNotification: ['u', '', ['id'], []],
      },
      signals: {
        ActionInvoked: ['us', 'id', 'action_key'],
        NotificationClosed: ['uu', 'id', 'reason'],
      },
    });
    return desktop;
  }

  /**
   * The first notification whose summary or body matches, once it is on screen: a moment after
   * the browser asked for it, so that the browser has the reply with its id before a click (a
   * person cannot click a notification that is not shown yet).
   */
  async waitFor(match: RegExp, timeoutMs = 15_000): Promise<DesktopNotification> {
    const n = await this.asked(match, timeoutMs);
    await new Promise((r) => setTimeout(r, 300));
    return n;
  }

  private asked(match: RegExp, timeoutMs: number): Promise<DesktopNotification> {
    const found = this.shown.find((n) => match.test(n.summary) || match.test(n.body));
    if (found) return Promise.resolve(found);
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no notification matching ${String(match)}`)), timeoutMs);
      const on = (n: DesktopNotification) => {
        if (!match.test(n.summary) && !match.test(n.body)) return;
        clearTimeout(timer);
        this.off('notify', on);
        ok(n);
      };
      this.on('notify', on);
    });
  }

  /** The user clicks the notification's body (`default`) or one of its buttons (its action key). */
  click(n: DesktopNotification, action = 'default'): void {
    this.service.emit('ActionInvoked', n.id, action);
  }

  stop(): void {
    this.bus.connection.end();
    try {
      process.kill(this.daemonPid);
    } catch {
      // Already gone.
    }
  }
}
