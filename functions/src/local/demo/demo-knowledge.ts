import type { ArticleInput, MemberLanguage } from '@rapport/shared';
import type { Principal } from '../../auth/principal';
import { RecordService } from '../../services/records.service';
import type { Store } from '../../store/store';
import type { DemoData } from './demo-data';

// The demo's knowledge base: eight published articles answering what the demo's customers write about (invoices,
// signing in, the add-in after an update, exports, training, support, deliveries, warranty), linked to the catalog's
// products, three of them translated into Spanish, Portuguese or Italian, two with a public page (deliveries, warranty).
// Written by the demo's admin through the same code as the API's (the article's hooks index each one for suggestions
// when it is published, and give a public one its page's key).

const DAY = 24 * 60 * 60 * 1000;
const ADMIN_ID = 'c0ffee00-0000-4000-8000-0000000000c1';

/** A catalog product in every currency the demo sells it in (a product per currency, as the catalog holds them). */
const product = (slug: string) => ['', '-eur', '-gbp', '-brl'].map((suffix) => `demo-product-${slug}${suffix}`);
const seats = [...product('sales-seat'), ...product('service-seat')];

type DemoArticle = { id: string; input: Omit<ArticleInput, 'status' | 'translationOf'>; translations?: { language: MemberLanguage; title: string; body: string }[] };

/** The id of a demo article, and of its translation into a language. */
export const demoArticleId = (slug: string, language?: MemberLanguage) => `demo-article-${slug}${language ? `-${language}` : ''}`;

/** The article that answers the inbox's known problem (the customer's invoice): suggested first for their e-mail. */
export const DEMO_INVOICE_ARTICLE = demoArticleId('invoice-amount');

const articles: DemoArticle[] = [
  {
    id: DEMO_INVOICE_ARTICLE,
    input: {
      title: 'Your invoice shows a different amount than you expected',
      language: 'en',
      tags: ['billing', 'invoice', 'VAT', 'prorated seats'],
      productIds: seats,
      body: [
        'Most invoices that look wrong are right for one of three reasons. Check them in this order before asking for a credit note.',
        '## 1. Seats added during the term',
        'Seats added after your subscription started are charged **pro rata** on the next invoice, from the day they were added to the end of the term. The invoice lists them as *Prorated seats*, with their dates.',
        '## 2. VAT or reverse charge',
        '- Customers in the EU outside the United Kingdom with a valid VAT number are invoiced **without VAT** (reverse charge).\n- Without a VAT number on your account, VAT is added. Send it to billing and we reissue the invoice the same day.',
        '## 3. Currency',
        'Invoices are in the currency of your contract. A bank that converts the amount on payment shows another figure.',
        '## Still wrong?',
        'Reply with the invoice number (it starts with `INV-`) and the amount you expected. We correct a wrong invoice with a credit note within **2 working days**. See [how we invoice](https://help.rapport-demo.com/billing/invoices).',
      ].join('\n\n'),
    },
    translations: [
      {
        language: 'es',
        title: 'Tu factura muestra un importe distinto del que esperabas',
        body: [
          'La mayoría de las facturas que parecen incorrectas son correctas por uno de estos tres motivos. Revísalos en este orden antes de pedir una nota de crédito.',
          '## 1. Licencias añadidas durante el periodo',
          'Las licencias añadidas después del inicio de la suscripción se cobran **a prorrata** en la siguiente factura, desde el día en que se añadieron hasta el final del periodo. La factura las muestra como *Licencias prorrateadas*, con sus fechas.',
          '## 2. IVA o inversión del sujeto pasivo',
          '- Los clientes de la UE fuera del Reino Unido con un número de IVA válido reciben la factura **sin IVA** (inversión del sujeto pasivo).\n- Sin número de IVA en tu cuenta se añade el IVA. Envíalo a facturación y emitimos de nuevo la factura el mismo día.',
          '## 3. Moneda',
          'Las facturas están en la moneda de tu contrato. Un banco que convierte el importe al pagar muestra otra cifra.',
          '## ¿Sigue siendo incorrecta?',
          'Responde con el número de factura (empieza por `INV-`) y el importe que esperabas. Corregimos una factura incorrecta con una nota de crédito en **2 días laborables**. Consulta [cómo facturamos](https://help.rapport-demo.com/billing/invoices).',
        ].join('\n\n'),
      },
      {
        language: 'pt',
        title: 'Sua fatura mostra um valor diferente do esperado',
        body: [
          'A maioria das faturas que parecem erradas está certa por um destes três motivos. Confira-os nesta ordem antes de pedir uma nota de crédito.',
          '## 1. Licenças adicionadas durante o período',
          'As licenças adicionadas depois do início da assinatura são cobradas **pro rata** na fatura seguinte, do dia em que foram adicionadas até o fim do período. A fatura as mostra como *Licenças proporcionais*, com as datas.',
          '## 2. IVA ou autoliquidação',
          '- Clientes da UE fora do Reino Unido com um número de IVA válido são faturados **sem IVA** (autoliquidação).\n- Sem número de IVA na sua conta, o IVA é adicionado. Envie-o ao faturamento e reemitimos a fatura no mesmo dia.',
          '## 3. Moeda',
          'As faturas são na moeda do seu contrato. Um banco que converte o valor no pagamento mostra outro número.',
          '## Continua errada?',
          'Responda com o número da fatura (começa com `INV-`) e o valor que você esperava. Corrigimos uma fatura errada com uma nota de crédito em até **2 dias úteis**. Veja [como faturamos](https://help.rapport-demo.com/billing/invoices).',
        ].join('\n\n'),
      },
    ],
  },
  {
    id: demoArticleId('sign-in'),
    input: {
      title: 'Cannot sign in: the window closes, or asks for admin approval',
      language: 'en',
      tags: ['sign-in', 'login', 'password', 'Entra ID'],
      productIds: seats,
      body: [
        'Rapport signs in with your organization’s Microsoft account: there is no separate password to reset.',
        '## The sign-in window closes at once',
        '1. Allow pop-ups from Outlook on the web (the address bar shows a blocked pop-up icon).\n2. Sign out of Outlook, close every browser window, and sign in again.',
        '## “Need admin approval”',
        'Your Microsoft 365 administrator has not yet given Rapport its permissions. Forward them [the consent guide](https://help.rapport-demo.com/admin/consent): it takes one click for the whole organization.',
        '## Still locked out?',
        'Write to support with the time you tried and the message you saw.',
      ].join('\n\n'),
    },
    translations: [
      {
        language: 'es',
        title: 'No puedo iniciar sesión: la ventana se cierra o pide la aprobación del administrador',
        body: [
          'Rapport inicia sesión con la cuenta Microsoft de tu organización: no hay otra contraseña que restablecer.',
          '## La ventana de inicio de sesión se cierra enseguida',
          '1. Permite las ventanas emergentes de Outlook en la web.\n2. Cierra la sesión de Outlook, cierra todas las ventanas del navegador y vuelve a iniciar sesión.',
          '## «Se necesita la aprobación del administrador»',
          'El administrador de Microsoft 365 aún no ha dado sus permisos a Rapport. Reenvíale [la guía de consentimiento](https://help.rapport-demo.com/admin/consent): basta un clic para toda la organización.',
        ].join('\n\n'),
      },
      {
        language: 'it',
        title: 'Impossibile accedere: la finestra si chiude o chiede l’approvazione dell’amministratore',
        body: [
          'Rapport accede con l’account Microsoft della tua organizzazione: non c’è un’altra password da reimpostare.',
          '## La finestra di accesso si chiude subito',
          '1. Consenti i pop-up di Outlook sul web.\n2. Esci da Outlook, chiudi tutte le finestre del browser e accedi di nuovo.',
          '## «Approvazione dell’amministratore necessaria»',
          'L’amministratore di Microsoft 365 non ha ancora concesso i permessi a Rapport. Inoltragli [la guida al consenso](https://help.rapport-demo.com/admin/consent): basta un clic per tutta l’organizzazione.',
        ].join('\n\n'),
      },
    ],
  },
  {
    id: demoArticleId('add-in-after-update'),
    input: {
      title: 'The Outlook add-in stopped working after an update',
      language: 'en',
      tags: ['Outlook', 'add-in', 'update', 'blank pane'],
      productIds: seats,
      body: [
        'After Outlook updates, the Rapport pane may stay blank or say it cannot load.',
        '1. Close Outlook completely and open it again: the new version of the add-in loads.\n2. In Outlook on the web, clear the site data of `outlook.office.com`.\n3. Check that your administrator still deploys Rapport to you in the Microsoft 365 admin center (**Integrated apps**).',
        'Our [status page](https://status.rapport-demo.com) says when a release is rolling out.',
      ].join('\n\n'),
    },
    translations: [
      {
        language: 'pt',
        title: 'O suplemento do Outlook parou de funcionar depois de uma atualização',
        body: [
          'Depois de uma atualização do Outlook, o painel do Rapport pode ficar em branco ou dizer que não consegue carregar.',
          '1. Feche o Outlook completamente e abra-o de novo: a nova versão do suplemento é carregada.\n2. No Outlook na web, limpe os dados do site `outlook.office.com`.\n3. Confirme que o administrador ainda implanta o Rapport para você no centro de administração do Microsoft 365 (**Aplicativos integrados**).',
          'Nossa [página de status](https://status.rapport-demo.com) avisa quando uma versão está sendo lançada.',
        ].join('\n\n'),
      },
    ],
  },
  {
    id: demoArticleId('data-export'),
    input: {
      title: 'Exporting to Excel or CSV fails, or shows garbled characters',
      language: 'en',
      tags: ['export', 'CSV', 'Excel', 'encoding'],
      productIds: product('data-migration'),
      body: [
        'Exports are CSV files in **UTF-8**. Excel opened by a double click may read them in another encoding, and names such as *Gonçalves* show as *GonÃ§alves*.',
        '- In Excel, use **Data → From Text/CSV** and choose *65001: Unicode (UTF-8)*.\n- An export of more than 100,000 rows is split into files of 100,000: download each.',
        'An export that fails with an error: try again in a few minutes, then write to support with the time it failed.',
      ].join('\n\n'),
    },
  },
  {
    id: demoArticleId('training'),
    input: {
      title: 'Booking training days, and what to prepare',
      language: 'en',
      tags: ['training', 'onboarding', 'workshop'],
      productIds: [...product('training-day'), ...product('onboarding')],
      body: [
        'A training day is a workshop of up to 12 people, online or at your office, booked at least **two weeks** ahead.',
        '## Before the day',
        '- Send the list of participants and their roles.\n- Make sure each has a seat and can sign in.\n- Import a sample of your own data, so that exercises use it.',
        'Ask your account manager for dates; onboarding packages include their first training day.',
      ].join('\n\n'),
    },
  },
  {
    id: demoArticleId('premium-support'),
    input: {
      title: 'Premium support: response times, and how to reach the hotline',
      language: 'en',
      tags: ['support', 'SLA', 'hotline', 'response time'],
      productIds: product('premium-support'),
      body: [
        'With Premium support a support engineer answers within **4 hours**, around the clock, and a fault that stops your team is fixed within **24 hours**.',
        '- Hotline: [+44 20 7946 0000](tel:+442079460000)\n- E-mail: [premium@rapport-demo.com](mailto:premium@rapport-demo.com)',
        'Without Premium support, we answer within one working day.',
      ].join('\n\n'),
    },
  },
  {
    id: demoArticleId('damaged-delivery'),
    input: {
      title: 'A delivery arrived damaged: how to get a replacement',
      language: 'en',
      // Customers read it on its public page: a reply links to it.
      visibility: 'public',
      tags: ['delivery', 'damaged', 'replacement', 'hardware'],
      productIds: [],
      body: [
        'Report damage within **14 days** of delivery and we send a replacement at no cost.',
        '1. Photograph the parcel and the damaged item.\n2. Reply to your order confirmation with the photos and the tracking number.\n3. Keep the item: the carrier collects it when the replacement arrives.',
      ].join('\n\n'),
    },
  },
  {
    id: demoArticleId('warranty'),
    input: {
      title: 'What the warranty covers, and for how long',
      language: 'en',
      visibility: 'public',
      tags: ['warranty', 'hardware', 'repair'],
      productIds: [],
      body: [
        'Hardware we supply is covered for **two years** from delivery against faults in materials and workmanship.',
        '- Covered: a device that stops working in normal use.\n- Not covered: accidental damage, liquids, and wear of batteries after the first year.',
        'To claim, write to support with the serial number and what happens.',
      ].join('\n\n'),
    },
  },
];

/**
 * The demo's knowledge base, published by the demo's admin three weeks ago (the translations a few days later). A
 * resumed seed writes only what is missing. Returns how many articles the tenant has from the seed.
 */
export async function seedDemoKnowledge(store: Store, data: Pick<DemoData, 'tenantId'>, now: Date): Promise<number> {
  const admin: Principal = { tenantId: data.tenantId, userId: ADMIN_ID, roles: ['admin'] };
  const publishedAt = new Date(now.getTime() - 21 * DAY);
  const translatedAt = new Date(now.getTime() - 18 * DAY);
  const write = async (id: string, input: ArticleInput, at: Date) => {
    if (await store.get('article', data.tenantId, id)) return;
    await new RecordService({ store, now: () => at }).writer.add('article', admin, { body: '', productIds: [], tags: [], ...input }, { id });
  };
  let count = 0;
  for (const article of articles) {
    await write(article.id, { ...article.input, status: 'published' }, publishedAt);
    count++;
    for (const translation of article.translations ?? []) {
      const { language, title, body } = translation;
      await write(demoArticleId(article.id.replace(/^demo-article-/, ''), language), { ...article.input, language, title, body, status: 'published', translationOf: article.id }, translatedAt);
      count++;
    }
  }
  return count;
}
