// The same dayjs calls as cjs.js, run by Node on the package itself (the reference for the bundled result).
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
dayjs.extend(utc);
console.log(JSON.stringify({
  format: dayjs.utc('2024-02-27T12:00:00Z').format('YYYY-MM-DD dddd HH:mm'),
  add: dayjs.utc('2024-01-31T00:00:00Z').add(1, 'month').toISOString(),
  diff: dayjs.utc('2024-12-25').diff(dayjs.utc('2024-01-01'), 'day'),
  leap: dayjs.utc('2024-02-01').daysInMonth(),
  valid: [dayjs('not a date').isValid(), dayjs.isDayjs(dayjs())],
}));
