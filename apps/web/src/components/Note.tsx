import { Alert, type AlertProps } from 'antd';

/**
 * A note in a page or dialog: an Ant Design Alert with its icon, announced as a note (not an
 * alert: screen readers should not interrupt for it), `gap` pixels above what follows.
 */
export function Note({ gap = 12, style, ...props }: AlertProps & { gap?: number }) {
  return <Alert role="note" showIcon style={{ marginBottom: gap, ...style }} {...props} />;
}
