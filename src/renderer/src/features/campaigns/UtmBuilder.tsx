import { useEffect, useId, useState } from 'react';
import type { Campaign } from '@shared/api/campaigns';
import { utmDefaults } from '@shared/domain/utm';
import { useQuery } from '../../lib/useQuery';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';

/** Copies text, falling back to the old selection API where the clipboard is not available. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function CopyLink({ label, url }: { label: string; url: string }) {
  const toast = useToast();
  const id = useId();
  return (
    <div className="copy-link">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} readOnly value={url} onFocus={(e) => e.target.select()} spellCheck={false} />
      <button
        type="button"
        className="button"
        aria-label={`Copy ${label.toLowerCase()}`}
        onClick={() =>
          void copyText(url).then((ok) =>
            toast.show(ok ? 'Link copied.' : 'Could not copy: select the link and press Ctrl+C.', {
              tone: ok ? 'info' : 'error',
            }),
          )
        }
      >
        Copy
      </button>
    </div>
  );
}

/** Tagged links for the campaign and each of its content items, built by the core from the tracking code. */
export function UtmBuilder({ campaign }: { campaign: Campaign }) {
  const defaults = utmDefaults(campaign.channel);
  const [form, setForm] = useState({ url: campaign.landingUrl ?? '', source: '', medium: '' });
  const [asked, setAsked] = useState(form);
  const [landing, setLanding] = useState(campaign.landingUrl ?? '');
  // A new landing page typed in the details replaces the page here unless the user typed another one.
  if ((campaign.landingUrl ?? '') !== landing) {
    setLanding(campaign.landingUrl ?? '');
    if (form.url === landing) setForm((f) => ({ ...f, url: campaign.landingUrl ?? '' }));
  }
  useEffect(() => {
    const timer = window.setTimeout(() => setAsked(form), 250);
    return () => window.clearTimeout(timer);
  }, [form]);
  const links = useQuery('campaigns.links', {
    id: campaign.id,
    url: asked.url.trim() || undefined,
    source: asked.source.trim() || undefined,
    medium: asked.medium.trim() || undefined,
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const data = links.data;

  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">Tracking links</h2>
      <p className="muted">
        Share these links instead of the bare page, so visits and orders find their way back to this campaign
        (<code>utm_campaign={campaign.trackingCode ?? '…'}</code>).
      </p>
      <div className="form">
        <Field
          label="Page to link to"
          type="url"
          placeholder="https://…"
          value={form.url}
          onValue={set('url')}
          error={form.url.trim() ? (data?.problem ?? undefined) : undefined}
          hint={form.url.trim() ? undefined : 'Your landing page; set one in the details to fill this in.'}
        />
        <div className="form-row">
          <Field
            label="Source"
            placeholder={defaults.source}
            value={form.source}
            onValue={set('source')}
            hint="utm_source"
          />
          <Field
            label="Medium"
            placeholder={defaults.medium}
            value={form.medium}
            onValue={set('medium')}
            hint="utm_medium"
          />
        </div>
        {data?.url && <CopyLink label="Campaign link" url={data.url} />}
      </div>
      {data && data.content.length > 0 && (
        <>
          <h3 className="subheading">Per content item</h3>
          <ul className="link-list">
            {data.content.map((item) => (
              <li key={item.id}>
                <span className="link-title">
                  {item.title}{' '}
                  {item.utmContent && <code className="muted">utm_content={item.utmContent}</code>}
                </span>
                {item.url ? (
                  <CopyLink label={`Link for ${item.title}`} url={item.url} />
                ) : (
                  <span className="muted">Needs a page: give the item a link or fill in the page above.</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
