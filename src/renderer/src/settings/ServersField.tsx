/**
 * An engine's extra model servers: rows of address and weight with Add server and Remove. Each row's
 * inputs are named "Ollama server 2 address" / "… weight" (the base URL is server 1); their errors
 * come from the form's check or from settings:update ("change.ollama.servers.0.baseUrl"). Focus
 * follows the list: Add moves it to the new address, Remove to the row that takes its place, or to
 * Add server when none is left.
 */
import { SETTINGS_RANGES, MAX_EXTRA_SERVERS } from '../../../shared/settings-ranges';
import { newServer } from './model';
import { ENGINE_NAMES, fieldId, labelOf, serverPath, type EndpointId, type FieldErrors, type ServerDraft } from './setting-paths';

const WEIGHT = SETTINGS_RANGES.endpoint.weight;

/** Moves focus once React has drawn the change. */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function ServersField({
  id,
  servers,
  errors,
  placeholder,
  onChange,
}: {
  id: EndpointId;
  servers: ServerDraft[];
  errors: FieldErrors;
  placeholder: string;
  onChange: (servers: ServerDraft[]) => void;
}) {
  const engine = ENGINE_NAMES[id];
  const listPath = `${id}.servers` as const;
  const groupId = fieldId(listPath);
  const hintId = `${groupId}-hint`;
  const listError = errors[listPath];
  const addId = `${groupId}-add`;
  const full = servers.length >= MAX_EXTRA_SERVERS;

  const add = () => {
    if (full) return;
    onChange([...servers, newServer()]);
    focusSoon(fieldId(serverPath(id, servers.length, 'baseUrl')));
  };
  const remove = (index: number) => {
    onChange(servers.filter((_, i) => i !== index));
    const left = servers.length - 1;
    focusSoon(left === 0 ? addId : fieldId(serverPath(id, Math.min(index, left - 1), 'baseUrl')));
  };
  const update = (index: number, patch: Partial<ServerDraft>) => onChange(servers.map((server, i) => (i === index ? { ...server, ...patch } : server)));

  return (
    <div className="settings-servers" role="group" aria-labelledby={`${groupId}-title`} aria-describedby={hintId}>
      <p className="settings-servers-title" id={`${groupId}-title`}>
        {labelOf(listPath)}
      </p>
      <p className="settings-hint" id={hintId}>
        Calls go to whichever server is expected to answer first. The base URL is server 1 (weight 1); weights run from {WEIGHT.min} to {WEIGHT.max}.
      </p>
      {servers.length > 0 && (
        <ol className="settings-server-list">
          {servers.map((server, index) => {
            const addressPath = serverPath(id, index, 'baseUrl');
            const weightPath = serverPath(id, index, 'weight');
            const addressId = fieldId(addressPath);
            const weightId = fieldId(weightPath);
            const addressError = errors[addressPath];
            const weightError = errors[weightPath];
            return (
              <li key={server.key} className="settings-server">
                <div className="settings-field settings-server-address">
                  <label htmlFor={addressId}>
                    <span className="visually-hidden">{engine} </span>Server {index + 2} address
                  </label>
                  <input
                    id={addressId}
                    type="url"
                    value={server.baseUrl}
                    onChange={(e) => update(index, { baseUrl: e.target.value })}
                    placeholder={placeholder}
                    spellCheck={false}
                    autoCapitalize="off"
                    aria-invalid={addressError ? true : undefined}
                    aria-describedby={addressError ? `${addressId}-error` : undefined}
                  />
                  {addressError && (
                    <p className="field-error" id={`${addressId}-error`}>
                      {addressError}
                    </p>
                  )}
                </div>
                <div className="settings-server-row">
                  <div className="settings-field settings-server-weight">
                    <label htmlFor={weightId}>
                      <span className="visually-hidden">{engine} server {index + 2} </span>Weight
                    </label>
                    <input
                      id={weightId}
                      type="number"
                      inputMode="decimal"
                      min={WEIGHT.min}
                      max={WEIGHT.max}
                      step={0.1}
                      value={server.weight}
                      onChange={(e) => update(index, { weight: e.target.value })}
                      aria-invalid={weightError ? true : undefined}
                      aria-describedby={weightError ? `${weightId}-error` : undefined}
                    />
                  </div>
                  <button type="button" className="secondary" onClick={() => remove(index)}>
                    Remove<span className="visually-hidden"> {engine} server {index + 2}</span>
                  </button>
                </div>
                {weightError && (
                  <p className="field-error" id={`${weightId}-error`}>
                    {weightError}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="settings-buttons">
        {/* aria-disabled, not disabled: the button keeps focus; add() ignores presses once the list is full. */}
        <button type="button" className="secondary" id={addId} onClick={add} aria-disabled={full || undefined} aria-describedby={full ? `${groupId}-full` : undefined}>
          Add <span className="visually-hidden">{engine} </span>server
        </button>
      </div>
      {full && (
        <p className="settings-hint" id={`${groupId}-full`}>
          At most {MAX_EXTRA_SERVERS} extra servers per engine.
        </p>
      )}
      {listError && (
        <p className="field-error" id={`${groupId}-error`}>
          {listError}
        </p>
      )}
    </div>
  );
}
