import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { api, type Query } from '../api/client';
import { useShowError } from '../api/use-show-error';

/** Hands a fetched file to the browser as a download, under the server's name if it gave one. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A button that downloads a file from the API (a payout file, a statement). It spins while the
 * file is fetched and shows a refusal as a toast, where a plain link would open an error page.
 */
export function DownloadButton({
  path,
  query,
  fallbackName,
  children,
  ...button
}: Omit<ButtonProps, 'onClick' | 'loading'> & {
  path: string;
  query?: Query;
  fallbackName: string;
  children: ReactNode;
}) {
  const showError = useShowError();
  const download = useMutation({
    mutationFn: () => api.download(path, query),
    onSuccess: ({ blob, fileName }) => saveFile(blob, fileName ?? fallbackName),
    onError: (error) => showError(error),
  });
  return (
    <Button
      icon={<DownloadOutlined />}
      {...button}
      loading={download.isPending}
      onClick={(event) => {
        event.stopPropagation();
        download.mutate();
      }}
    >
      {children}
    </Button>
  );
}
