/** The interface language: follow the browser, or one of ours (each named in its own language). */
import type { MessageKey } from '@/lib/i18n/keys';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '@/lib/i18n/lang';
import { t } from '@/lib/i18n/t';

const NAMES: Record<LanguageSetting, MessageKey> = {
  auto: 'set_langAuto',
  en: 'set_langEn',
  fr: 'set_langFr',
  es: 'set_langEs',
};

export function LanguageField({ value, onChange }: { value: LanguageSetting; onChange(v: LanguageSetting): void }) {
  return (
    <div class="ml-field">
      <label for="ml-language">{t('set_language')}</label>
      <select
        id="ml-language"
        data-testid="ml-language"
        value={value}
        aria-describedby="ml-language-help"
        onChange={(e) => onChange((e.target as HTMLSelectElement).value as LanguageSetting)}
      >
        {LANGUAGE_SETTINGS.map((l) => (
          // The language's own name is in that language, whatever the page's.
          <option key={l} value={l} lang={l === 'auto' ? undefined : l}>
            {t(NAMES[l])}
          </option>
        ))}
      </select>
      <p id="ml-language-help" class="ml-muted">
        {t('set_languageHelp')}
      </p>
    </div>
  );
}
