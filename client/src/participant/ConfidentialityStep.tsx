/**
 * The confidentiality statement of Document 18a and what the code promises about anonymity. Nothing
 * about the case is shown before the participant accepts.
 */
export function ConfidentialityStep({ title, statement, promise, onAccept }: {
  title: string;
  statement: string;
  promise: string;
  onAccept(): void;
}) {
  return (
    <div className="narrow">
      <h1 data-step-focus tabIndex={-1}>{title}</h1>
      <h2>Confidentiality statement</h2>
      <blockquote className="ws-statement"><p>{statement}</p></blockquote>
      <h2>Your answers are anonymous</h2>
      <p>{promise}</p>
      <p>
        This browser keeps a random receipt for each answer, so that you can change or withdraw it until the
        workshop closes. The receipt is not linked to you, and it is forgotten when the workshop closes. On a shared
        computer, use a private window.
      </p>
      <button type="button" className="button" onClick={onAccept}>I accept the confidentiality statement</button>
    </div>
  );
}
