export function greeting() {
  return 'Hello from a hot module!';
}
