import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Image, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoreCode } from '../../app/api/payment-types';

const monospace = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/**
 * One store's aggregated code: the QR to show, the link it encodes, the EMVCo payload for
 * printers and terminals that compose their own codes, and the files to print. The images and
 * files are served under the session cookie, so plain links and <img> work same-origin.
 */
export function StoreCodeCard({ storeCode }: { storeCode: StoreCode }) {
  const { t } = useTranslation();
  const download = (href: string, label: string, suffix: string) => (
    <Button
      icon={<DownloadOutlined />}
      href={href}
      download
      data-testid={`store-code-${suffix}-${storeCode.storeId}`}
    >
      {label}
    </Button>
  );

  return (
    <Card
      title={storeCode.storeName}
      role="region"
      aria-label={storeCode.storeName}
      data-testid={`store-code-${storeCode.storeId}`}
    >
      <Flex gap={24} wrap align="flex-start">
        <Image
          src={storeCode.pngUrl}
          alt={t('payments.storeCodes.qrAlt', { store: storeCode.storeName })}
          width={200}
          height={200}
          style={{ border: '1px solid #f0f0f0', borderRadius: 8, objectFit: 'contain' }}
        />
        <Flex vertical gap={16} style={{ flex: 1, minWidth: 260 }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'url',
                label: t('payments.storeCodes.url'),
                children: (
                  <Typography.Link
                    href={storeCode.url}
                    target="_blank"
                    copyable={{ text: storeCode.url }}
                    style={{ wordBreak: 'break-all' }}
                    data-testid="store-code-url"
                  >
                    {storeCode.url}
                  </Typography.Link>
                ),
              },
              {
                key: 'emvco',
                label: t('payments.storeCodes.emvco'),
                children: (
                  <Typography.Text
                    copyable={{ text: storeCode.emvco }}
                    style={{ fontFamily: monospace, fontSize: 12, wordBreak: 'break-all' }}
                    data-testid="store-code-emvco"
                  >
                    {storeCode.emvco}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Space wrap>
            {download(storeCode.pngUrl, t('payments.storeCodes.downloadPng'), 'png')}
            {download(storeCode.svgUrl, t('payments.storeCodes.downloadSvg'), 'svg')}
            {download(storeCode.posterUrl, t('payments.storeCodes.downloadPoster'), 'poster')}
          </Space>
        </Flex>
      </Flex>
    </Card>
  );
}
