/** Who the money goes to, first on every cashier screen: the payer checks it before paying. */
export function PayeeCard({
  storeName,
  merchantName,
}: {
  storeName: string;
  merchantName: string;
}) {
  return (
    <div className="cashier-payee" data-testid="cashier-payee">
      <div className="cashier-payee-avatar" aria-hidden>
        {storeName.slice(0, 1)}
      </div>
      <div>
        <div className="cashier-payee-name">{storeName}</div>
        {merchantName !== storeName && <div className="cashier-payee-merchant">{merchantName}</div>}
      </div>
    </div>
  );
}
