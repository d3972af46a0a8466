// The digit rule is shared with the dropped-file reader; both paths' rules are written down there.
export { cellText } from '../domain/displayed-text';
