import type { PurchaseVolume, RegionVolume } from '../../farmers/farmer-types';

/** A region's volume with the volumes of the regions inside it, for a tree table. */
export interface RegionVolumeNode extends RegionVolume {
  children?: RegionVolumeNode[];
}

/**
 * Provinces with their cities, cities with their counties, each level by amount, largest first.
 * A region whose parent is not listed (a municipality's county listed under no city) stays at
 * the level above, so no purchase drops out of the table.
 */
export function regionVolumeTree(volume: PurchaseVolume): RegionVolumeNode[] {
  const byAmount = (a: RegionVolume, b: RegionVolume) => b.amountFen - a.amountFen;
  const nest = (parents: RegionVolume[], children: RegionVolumeNode[]): RegionVolumeNode[] => {
    const known = new Set(parents.map((parent) => parent.code));
    const nodes: RegionVolumeNode[] = parents.map((parent) => {
      const inside = children.filter((child) => child.parentCode === parent.code).sort(byAmount);
      return inside.length ? { ...parent, children: inside } : { ...parent };
    });
    const orphans = children.filter((child) => !child.parentCode || !known.has(child.parentCode));
    return [...nodes, ...orphans].sort(byAmount);
  };
  return nest(volume.provinces, nest(volume.cities, volume.counties));
}
