/** One network interface of an instance launched from a template. */
export interface InterfaceSlot {
  readonly networkCardIndex: number;
  readonly deviceIndex: number;
  /** "interface": ENA (IP traffic, the primary); "efa-only": EFA without an IP address, for NCCL. */
  readonly type: "interface" | "efa-only";
}

/**
 * The interfaces AWS's EFA guide lays out for an instance with EFA, as of 2026-11-29 (EC2 User Guide, "Maximize
 * network bandwidth on Amazon EC2 instances with multiple network cards"): the primary (card 0, device 0) is ENA;
 * if card 0 supports EFA, an EFA-only interface at card 0, device 1; every other EFA-capable card an EFA-only
 * interface at device 0. When there are more cards than EFA interfaces (p6-b300: 17 cards, 16 EFA), card 0 is
 * the ENA-only one and cards 1-16 take the EFA-only interfaces.
 */
export function efaInterfaceLayout(efaInterfaces: number, networkCards = Math.max(1, efaInterfaces)): InterfaceSlot[] {
  const primary: InterfaceSlot = { networkCardIndex: 0, deviceIndex: 0, type: "interface" };
  if (efaInterfaces === 0) return [primary];
  const cardZeroHasEfa = efaInterfaces >= networkCards;
  const efaCards = Array.from({ length: efaInterfaces }, (_, i) => (cardZeroHasEfa ? i : i + 1));
  return [primary, ...efaCards.map((card): InterfaceSlot => ({ networkCardIndex: card, deviceIndex: card === 0 ? 1 : 0, type: "efa-only" }))];
}
