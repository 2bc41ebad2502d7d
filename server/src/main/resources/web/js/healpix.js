// HEALPix NESTED hashing for the sky plots (Gorski et al. 2005, ApJ 622, 759; the same formulas as Healpix C++
// healpix_base loc2pix/pix2loc). Orders up to 15: cell numbers stay exact in doubles and the bit interleaving fits in
// 32-bit integers. Checked against the server's HealpixNested by the portal's browser test.

export const MAX_PLOT_ORDER = 15;
const JRLL = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
const JPLL = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7];

function checkOrder(order) {
  if (!Number.isInteger(order) || order < 0 || order > MAX_PLOT_ORDER) {
    throw new RangeError(`Expected an order in [0, ${MAX_PLOT_ORDER}]. Actual: ${order}`);
  }
}

function interleave(ix, iy) {
  let result = 0;
  for (let bit = 0; bit < 16; bit++) {
    result |= ((ix >>> bit) & 1) << (2 * bit) | ((iy >>> bit) & 1) << (2 * bit + 1);
  }
  return result >>> 0;
}

function deinterleave(p) {
  let ix = 0;
  let iy = 0;
  for (let bit = 0; bit < 16; bit++) {
    ix |= ((p >>> (2 * bit)) & 1) << bit;
    iy |= ((p >>> (2 * bit + 1)) & 1) << bit;
  }
  return [ix, iy];
}

/** The NESTED cell of order `order` holding (raDeg, decDeg). */
export function cellOf(order, raDeg, decDeg) {
  checkOrder(order);
  const nside = 2 ** order;
  const z = Math.sin(decDeg * Math.PI / 180);
  const za = Math.abs(z);
  let phi = (raDeg * Math.PI / 180) % (2 * Math.PI);
  if (phi < 0) phi += 2 * Math.PI;
  let tt = phi / (Math.PI / 2);
  if (tt >= 4) tt -= 4;
  let face;
  let ix;
  let iy;
  if (za <= 2 / 3) {
    const temp1 = nside * (0.5 + tt);
    const temp2 = nside * z * 0.75;
    const jp = Math.floor(temp1 - temp2);
    const jm = Math.floor(temp1 + temp2);
    const ifp = Math.floor(jp / nside);
    const ifm = Math.floor(jm / nside);
    face = ifp === ifm ? (ifp | 4) : (ifp < ifm ? ifp : ifm + 8);
    ix = jm & (nside - 1);
    iy = nside - (jp & (nside - 1)) - 1;
  } else {
    const ntt = Math.min(3, Math.floor(tt));
    const tp = tt - ntt;
    const tmp = nside * Math.sqrt(3 * (1 - za));
    const jp = Math.min(Math.floor(tp * tmp), nside - 1);
    const jm = Math.min(Math.floor((1 - tp) * tmp), nside - 1);
    if (z >= 0) {
      face = ntt; ix = nside - jm - 1; iy = nside - jp - 1;
    } else {
      face = ntt + 8; ix = jp; iy = jm;
    }
  }
  return face * nside * nside + interleave(ix, iy);
}

/** The centre {ra, dec} (degrees) of a NESTED cell. */
export function centreOf(order, cell) {
  checkOrder(order);
  const nside = 2 ** order;
  const perFace = nside * nside;
  const face = Math.floor(cell / perFace);
  const [ix, iy] = deinterleave(cell - face * perFace);
  const jr = JRLL[face] * nside - ix - iy - 1;
  let nr;
  let z;
  let kshift;
  if (jr < nside) {
    nr = jr; z = 1 - nr * nr / (3 * perFace); kshift = 0;
  } else if (jr > 3 * nside) {
    nr = 4 * nside - jr; z = nr * nr / (3 * perFace) - 1; kshift = 0;
  } else {
    nr = nside; z = (2 * nside - jr) * 2 / (3 * nside); kshift = (jr - nside) & 1;
  }
  let jp = Math.floor((JPLL[face] * nr + ix - iy + 1 + kshift) / 2);
  if (jp > 4 * nside) jp -= 4 * nside;
  if (jp < 1) jp += 4 * nside;
  const phi = (jp - (kshift + 1) * 0.5) * (Math.PI / 2 / nr);
  return {ra: phi * 180 / Math.PI, dec: Math.asin(z) * 180 / Math.PI};
}

/** The mean side of a cell of `order`, degrees (sqrt of 4 pi / 12 / 4^order steradians). */
export function cellSideDeg(order) {
  return Math.sqrt(4 * Math.PI / (12 * 4 ** order)) * 180 / Math.PI;
}

/**
 * A MOC read from its IVOA MOC 2.0 JSON serialisation ({"order": [cells], ...}), with the orders beyond
 * MAX_PLOT_ORDER folded into their parents (a plot cannot show them anyway).
 */
export class Moc {
  constructor(json) {
    this.cells = new Map();
    for (const [key, cells] of Object.entries(json)) {
      const order = Number(key);
      if (!Number.isInteger(order) || cells.length === 0) continue;
      const plotOrder = Math.min(order, MAX_PLOT_ORDER);
      const divisor = 4 ** (order - plotOrder);
      const set = this.cells.get(plotOrder) || new Set();
      for (const cell of cells) set.add(Math.floor(cell / divisor));
      this.cells.set(plotOrder, set);
    }
    this.orders = [...this.cells.keys()].sort((a, b) => a - b);
    this.maxOrder = this.orders.length ? this.orders[this.orders.length - 1] : 0;
  }

  get isEmpty() {
    return this.orders.length === 0;
  }

  /** Whether the position falls in a cell of the MOC. */
  contains(raDeg, decDeg) {
    if (this.isEmpty) return false;
    const deepest = cellOf(this.maxOrder, raDeg, decDeg);
    for (const order of this.orders) {
      if (this.cells.get(order).has(Math.floor(deepest / 4 ** (this.maxOrder - order)))) return true;
    }
    return false;
  }

  /** Every cell as {order, cell}. */
  * entries() {
    for (const order of this.orders) {
      for (const cell of this.cells.get(order)) yield {order, cell};
    }
  }

  /**
   * The middle of the covered cells (area-weighted mean direction) and the half-width (degrees) of a square around
   * it that holds every cell.
   */
  extent() {
    let x = 0;
    let y = 0;
    let z = 0;
    const centres = [];
    for (const {order, cell} of this.entries()) {
      const centre = centreOf(order, cell);
      const weight = 4 ** -order;
      const ra = centre.ra * Math.PI / 180;
      const dec = centre.dec * Math.PI / 180;
      x += weight * Math.cos(dec) * Math.cos(ra);
      y += weight * Math.cos(dec) * Math.sin(ra);
      z += weight * Math.sin(dec);
      centres.push({...centre, side: cellSideDeg(order)});
    }
    const ra0 = (Math.atan2(y, x) * 180 / Math.PI + 360) % 360;
    const dec0 = Math.atan2(z, Math.hypot(x, y)) * 180 / Math.PI;
    let half = 0;
    for (const centre of centres) {
      let dRa = ((centre.ra - ra0 + 540) % 360) - 180;
      const offset = Math.max(Math.abs(dRa * Math.cos(centre.dec * Math.PI / 180)), Math.abs(centre.dec - dec0));
      half = Math.max(half, offset + centre.side);
    }
    return {ra: ra0, dec: dec0, halfWidthDeg: Math.min(half, 90)};
  }
}
