import { isQuiet, minuteOfDay, minutesOf, timeOf } from './quiet-hours.js';
import { endpointAllowed, DEFAULT_PUSH_SERVICE_HOSTS } from './push-endpoints.js';

describe('quiet hours', () => {
  it('reads and writes times of day, refusing anything else', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('22:30')).toBe(1350);
    expect(minutesOf('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:00', '07:60', '07:00:00', ' 07:00', '']) expect(minutesOf(bad)).toBeNull();
    expect(timeOf(1350)).toBe('22:30');
    expect(timeOf(5)).toBe('00:05');
  });

  it('places a moment in the person’s own time zone, daylight saving included', () => {
    expect(minuteOfDay(new Date('2026-12-06T08:30:00Z'), 'Europe/Paris')).toBe(9 * 60 + 30);
    expect(minuteOfDay(new Date('2026-07-06T08:30:00Z'), 'Europe/Paris')).toBe(10 * 60 + 30);
    expect(minuteOfDay(new Date('2026-12-06T08:30:00Z'), 'Not/AZone')).toBe(8 * 60 + 30);
  });

  it('spans midnight when the end comes before the start', () => {
    const night = { start: 22 * 60, end: 7 * 60 };
    expect(isQuiet(night, new Date('2026-12-06T22:00:00Z'), 'UTC')).toBe(true);
    expect(isQuiet(night, new Date('2026-12-06T06:59:00Z'), 'UTC')).toBe(true);
    expect(isQuiet(night, new Date('2026-12-06T07:00:00Z'), 'UTC')).toBe(false);
    expect(isQuiet(night, new Date('2026-12-06T21:59:00Z'), 'UTC')).toBe(false);
    // 21:30 UTC is 22:30 in Paris in winter.
    expect(isQuiet(night, new Date('2026-12-06T21:30:00Z'), 'Europe/Paris')).toBe(true);
    const lunch = { start: 12 * 60, end: 13 * 60 };
    expect(isQuiet(lunch, new Date('2026-12-06T12:30:00Z'), 'UTC')).toBe(true);
    expect(isQuiet(lunch, new Date('2026-12-06T13:00:00Z'), 'UTC')).toBe(false);
    expect(isQuiet(null, new Date(), 'UTC')).toBe(false);
  });
});

describe('push endpoints', () => {
  const hosts = [...DEFAULT_PUSH_SERVICE_HOSTS];
  it('takes https endpoints at the browser push services', () => {
    expect(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', hosts)).toBe(true);
    expect(endpointAllowed('https://updates.push.services.mozilla.com/wpush/v2/abc', hosts)).toBe(true);
    expect(endpointAllowed('https://web.push.apple.com/QGx', hosts)).toBe(true);
    expect(endpointAllowed('https://wns2-par02p.notify.windows.com/w/?token=x', hosts)).toBe(true);
  });

  it('refuses everything else: other hosts, look-alikes, http, ports, credentials, the local network', () => {
    for (const bad of [
      'http://fcm.googleapis.com/fcm/send/abc',
      'https://fcm.googleapis.com:8443/fcm/send/abc',
      'https://evilfcm.googleapis.com.attacker.example/x',
      'https://fcm.googleapis.com.attacker.example/x',
      'https://attackerpush.apple.com/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://127.0.0.1/x',
      'https://[::1]/x',
      'https://169.254.169.254/latest/meta-data',
      'http://localhost:8080/x',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(endpointAllowed(bad, hosts)).toBe(false);
  });

  it('lets a test receiver on loopback in only when named, and by host and port', () => {
    expect(endpointAllowed('http://127.0.0.1:4567/push/1', hosts, ['127.0.0.1:4567'])).toBe(true);
    expect(endpointAllowed('http://127.0.0.1:4568/push/1', hosts, ['127.0.0.1:4567'])).toBe(false);
  });
});
