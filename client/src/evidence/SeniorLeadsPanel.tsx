import { useState } from 'react';
import { apiRequest, errorMessage } from '../api/client.js';
import { TextField } from '../components/TextField.js';
import { evidencePaths, type EvidenceOverview } from './evidenceApi.js';

/**
 * Each agency's senior lead: an agency author, signing in with their own account, named here with
 * their designation by the lead reviewer. Only they endorse their agency's evidence.
 */
export function SeniorLeadsPanel({ reviewId, data, onChanged }: { reviewId: string; data: EvidenceOverview; onChanged(message: string): void }) {
  const [designations, setDesignations] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const save = async (membershipId: string, name: string, designation: string | null) => {
    setError('');
    try {
      await apiRequest('PUT', evidencePaths.seniorLead(reviewId, membershipId), { body: { designation } });
      onChanged(designation ? `${name} is now a senior lead.` : `${name} is no longer a senior lead.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  if (data.authors.length === 0) return <p>No agency authors have joined yet: invite them from Members and invitations.</p>;
  return (
    <div className="panel">
      <h3>Senior leads</h3>
      <p>The senior lead endorses their agency’s evidence before it is submitted. Name an agency author with their designation.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list">
        {data.authors.map((a) => {
          const agency = data.agencies.find((x) => x.id === a.agencyId)?.name ?? 'Agency';
          return (
            <li key={a.membershipId} className="field">
              <p>
                <strong>{a.name}</strong>, {agency}: {a.seniorLead ? `senior lead (${a.seniorLead.designation})` : 'author'}
              </p>
              {data.me.mayAppointSeniorLead &&
                (a.seniorLead ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => void save(a.membershipId, a.name, null)}>
                    Remove as senior lead: {a.name}
                  </button>
                ) : (
                  <div className="label-row">
                    <TextField
                      id={`designation-${a.membershipId}`}
                      label={`Designation of ${a.name}`}
                      value={designations[a.membershipId] ?? ''}
                      onChange={(v) => setDesignations({ ...designations, [a.membershipId]: v })}
                    />
                    <button type="button" className="button button--small" onClick={() => void save(a.membershipId, a.name, (designations[a.membershipId] ?? '').trim())}>
                      Name as senior lead: {a.name}
                    </button>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
