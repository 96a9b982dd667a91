export { CHROMIUM_ARGS, executablePath } from '../scripts/chromium.mjs';
