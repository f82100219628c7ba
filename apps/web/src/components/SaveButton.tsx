import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiErrorAlert } from './ApiErrorAlert';

/** A button that saves what the API answers (a PDF, a file): busy while it loads, its refusal said. */
export function SaveButton({
  save,
  children,
  icon = <DownloadOutlined />,
  ...rest
}: Omit<ButtonProps, 'onClick' | 'loading'> & { save: () => Promise<void>; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <Button
        {...rest}
        icon={icon}
        loading={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          save()
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </Button>
      {error ? <ApiErrorAlert error={error} /> : null}
    </>
  );
}
