/** The formula of planned against spent as the report, the JSON and the sheet write it out (docs/compare.md), typed by hand. */

export const FORMULA_FR = [
  'Estimation à confirmer par l’ordonnateur — comment elle est calculée, par imputation Chorus\u00a0:',
  '  dépense cofinancée réalisée  S = A réalisé + C réalisé (crédits de la convention de l’année\u202f; reports B, D et autres financeurs E exclus)',
  '  taux État                    r = A prévu / (A prévu + C prévu)   (50\u202f% si le prévu n’a ni A ni C\u00a0: règle 50/50 de la convention)',
  '  part État des dépenses       P = S × r, arrondie au centime (au plus proche, la moitié vers le haut)',
  '  versé par l’État             V = montant notifié (--notified), à défaut A prévu',
  '  montant susceptible de reversement (art. 5) = V − P lorsqu’il est positif, sinon aucun',
  '  Total\u00a0: ΣV − ΣP sur l’ensemble de la convention (art. 5), et à côté la somme des montants par imputation, sans compensation entre imputations.',
];

export const FORMULA_EN = [
  'Estimate for the authorising officer to confirm — how it is computed, per Chorus code:',
  "  co-financed spending  S = A spent + C spent (the year's convention credits; carry-overs B, D and other funders E left out)",
  "  State rate            r = A planned / (A planned + C planned)   (50% when the plan has neither: the convention's 50/50 rule)",
  '  State share spent     P = S × r, rounded to the cent (to nearest, half up)',
  '  paid by the State     V = notified amount (--notified), else A planned',
  '  amount that may be recovered (art. 5) = V − P when positive, else none',
  '  Total: ΣV − ΣP over the whole convention (art. 5), beside the sum of the per-code amounts, with no offsetting between codes.',
];
