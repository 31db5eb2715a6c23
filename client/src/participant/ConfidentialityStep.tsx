/**
 * The confidentiality statement of Document 18a and what the code promises about anonymity. Nothing
 * about the case is shown before the participant accepts.
 */
export function ConfidentialityStep({
  title,
  statement,
  promise,
  withPass,
  onAccept,
}: {
  title: string;
  statement: string;
  promise: string;
  /** Joined with an invitation's anonymous pass (else with the code alone). */
  withPass: boolean;
  onAccept(): void;
}) {
  return (
    <div className="narrow">
      <h1 data-step-focus tabIndex={-1}>
        {title}
      </h1>
      <h2>Confidentiality statement</h2>
      <blockquote className="ws-statement">
        <p>{statement}</p>
      </blockquote>
      <h2>Your answers are anonymous</h2>
      <p>{promise}</p>
      {withPass ? (
        <p>
          This browser keeps the anonymous pass from your invitation, so you can come back and change or withdraw your answers until the workshop closes. The server checked your
          invitation before signing the pass without seeing it, so nobody can tell which pass, or which answers, are yours. Everything kept here is forgotten when the workshop
          closes. On a shared computer, use a private window.
        </p>
      ) : (
        <p>
          You joined with the workshop code only. This browser keeps a random receipt for each answer, so that you can change or withdraw it until the workshop closes; it is
          forgotten when the workshop closes. On a shared computer, use a private window.
        </p>
      )}
      <p>The review panel sees answers only in groups: when the lead reviewer releases a question, or when its part of the meeting ends, in a new random order each time.</p>
      <button type="button" className="button" onClick={onAccept}>
        I accept the confidentiality statement
      </button>
    </div>
  );
}
