/** The genogram's drawing is worked out in shared/ (pure, and checked by the layout tests); re-exported for the client. */
export { computeDrawing, type Drawing, type HouseholdDrawing } from '../../../shared/genogram/drawing.js';
