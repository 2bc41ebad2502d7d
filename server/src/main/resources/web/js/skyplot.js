// Sky plots of coverage MOCs on a canvas: an all-sky Mollweide locator and a gnomonic close-up of a footprint.
// Both rasterise: every canvas pixel is projected back to the sky and looked up in the MOC, so the cost is the
// canvas size, whatever the survey's size. East is to the left, as on the sky.
const COVERED = [5, 80, 174];
const SKY = [236, 240, 244];
const GRID = [175, 184, 193];

function fill(image, index, [r, g, b]) {
  image.data[index] = r;
  image.data[index + 1] = g;
  image.data[index + 2] = b;
  image.data[index + 3] = 255;
}

/** Mollweide inverse: canvas pixel -> {ra, dec} degrees, or null outside the ellipse. RA 0 in the middle. */
function mollweideInverse(px, py, width, height) {
  const x = (px + 0.5 - width / 2) / (width / 2) * 2 * Math.SQRT2;
  const y = (height / 2 - py - 0.5) / (height / 2) * Math.SQRT2;
  if ((x * x) / 8 + (y * y) / 2 > 1) return null;
  const theta = Math.asin(y / Math.SQRT2);
  const dec = Math.asin((2 * theta + Math.sin(2 * theta)) / Math.PI) * 180 / Math.PI;
  const lon = Math.PI * x / (2 * Math.SQRT2 * Math.cos(theta)) * 180 / Math.PI;
  if (Math.abs(lon) > 180) return null;
  return {ra: (360 - lon) % 360, dec};
}

function mollweideForward(raDeg, decDeg, width, height) {
  const lat = decDeg * Math.PI / 180;
  let lon = -(((raDeg + 180) % 360 + 360) % 360 - 180) * Math.PI / 180;
  let theta = lat;
  for (let i = 0; i < 30 && Math.abs(Math.abs(lat) - Math.PI / 2) > 1e-9; i++) {
    const delta = -(2 * theta + Math.sin(2 * theta) - Math.PI * Math.sin(lat)) / (2 + 2 * Math.cos(2 * theta));
    theta += delta;
    if (Math.abs(delta) < 1e-10) break;
  }
  const x = 2 * Math.SQRT2 / Math.PI * lon * Math.cos(theta);
  const y = Math.SQRT2 * Math.sin(theta);
  return {x: width / 2 + x / (2 * Math.SQRT2) * (width / 2), y: height / 2 - y / Math.SQRT2 * (height / 2)};
}

/**
 * The whole sky (Mollweide, RA 0 in the middle, graticule every 60 degrees of RA and 30 of Dec) with the MOC's cells
 * and a ring around `marker` ({ra, dec}) so a footprint smaller than a pixel is still found.
 */
export function drawAllSky(canvas, moc, marker) {
  const context = canvas.getContext('2d');
  const {width, height} = canvas;
  const image = context.createImageData(width, height);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const position = mollweideInverse(px, py, width, height);
      if (position === null) continue;
      const index = (py * width + px) * 4;
      const onGrid = Math.abs(position.dec % 30) < 0.6 || Math.abs(((position.ra + 0.6) % 60)) < 1.2;
      fill(image, index, moc.contains(position.ra, position.dec) ? COVERED : onGrid ? GRID : SKY);
    }
  }
  context.putImageData(image, 0, 0);
  if (marker) {
    const point = mollweideForward(marker.ra, marker.dec, width, height);
    context.strokeStyle = 'rgb(191, 135, 0)';
    context.lineWidth = 2;
    context.beginPath();
    context.arc(point.x, point.y, 7, 0, 2 * Math.PI);
    context.stroke();
  }
}

/** Gnomonic inverse around (ra0, dec0), plane coordinates in degrees -> {ra, dec}. */
function gnomonicInverse(xi, eta, ra0, dec0) {
  const x = xi * Math.PI / 180;
  const y = eta * Math.PI / 180;
  const d0 = dec0 * Math.PI / 180;
  const rho = Math.hypot(x, y);
  const c = Math.atan(rho);
  if (rho === 0) return {ra: ra0, dec: dec0};
  const dec = Math.asin(Math.cos(c) * Math.sin(d0) + y * Math.sin(c) * Math.cos(d0) / rho);
  const ra = ra0 * Math.PI / 180 + Math.atan2(x * Math.sin(c), rho * Math.cos(d0) * Math.cos(c) - y * Math.sin(d0) * Math.sin(c));
  return {ra: ((ra * 180 / Math.PI) % 360 + 360) % 360, dec: dec * 180 / Math.PI};
}

/**
 * A close-up (gnomonic, north up, east left) of the square of half-width `extent.halfWidthDeg` around
 * (extent.ra, extent.dec), with the MOC's cells and a scale bar. Returns the side of the view in degrees.
 */
export function drawCloseUp(canvas, moc, extent) {
  const context = canvas.getContext('2d');
  const {width, height} = canvas;
  const half = Math.max(extent.halfWidthDeg * 1.1, 1e-4);
  const image = context.createImageData(width, height);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const xi = -((px + 0.5) / width * 2 - 1) * half;
      const eta = (1 - (py + 0.5) / height * 2) * half;
      const position = gnomonicInverse(xi, eta, extent.ra, extent.dec);
      fill(image, (py * width + px) * 4, moc.contains(position.ra, position.dec) ? COVERED : SKY);
    }
  }
  context.putImageData(image, 0, 0);
  const bar = niceLength(half / 2);
  const barPixels = bar / (2 * half) * width;
  context.fillStyle = '#1b1f24';
  context.fillRect(8, height - 12, barPixels, 3);
  context.font = '11px sans-serif';
  context.fillText(angle(bar), 8, height - 16);
  return 2 * half;
}

function niceLength(degrees) {
  const power = 10 ** Math.floor(Math.log10(degrees));
  for (const step of [5, 2, 1]) {
    if (step * power <= degrees) return step * power;
  }
  return power;
}

/** An angle in the unit that reads best: 1.5°, 12′, 30″. */
export function angle(degrees) {
  if (degrees >= 1) return `${+degrees.toPrecision(3)}°`;
  if (degrees * 60 >= 1) return `${+(degrees * 60).toPrecision(3)}′`;
  return `${+(degrees * 3600).toPrecision(3)}″`;
}
