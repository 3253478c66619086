import type { LaterErrorMessages } from './error-messages';

// The messages of the rules of views that load on first use (documents, goals and commissions, templates, settings…):
// they come with those views' messages (messages.later.it.ts), so the pane's first JavaScript does not carry them.
export const laterErrorsIt = {
  'PRODUCT.PRICE_PRECISION': 'Il prezzo ha più decimali di quanti ne ammetta la sua valuta. Arrotondalo e salva di nuovo.',
  'PIPELINE.STAGE_IN_USE': 'Ci sono ancora trattative in questa fase. Spostale prima in un’altra fase, oppure tieni la fase e rinominala.',
  'SETTINGS.INVALID': 'Alcune impostazioni non sono corrette. Controlla quelle segnalate e salva di nuovo.',
  'SETTINGS.RATES_FOR_NEW_CURRENCY': 'Con una nuova valuta dei report, indica anche i tassi di cambio in quella valuta (o rimuovili tutti), poi salva.',
  'TIP.UNKNOWN_STAGE': 'Una fase di questo consiglio non è più nella pipeline. Scegli tra le fasi che ci sono ora.',
  'TEMPLATE.UNKNOWN_FIELD': 'Un segnaposto indica un campo che i modelli non possono compilare. Usa i pulsanti dei campi.',
  'TEMPLATE.MALFORMED_PLACEHOLDER': 'Un segnaposto non è scritto correttamente o non è chiuso. Inseriscilo con i pulsanti dei campi.',
  'TEMPLATE.DUPLICATE_LANGUAGE': 'Il modello ha due versioni nella stessa lingua. Tienine una per lingua.',
  'ACTIVITY_PLAN.TOO_MANY_RECORDS': 'Sono più record di quanti un piano possa riceverne in una volta (al massimo 200 record e 1.000 attività). Applicalo a un team o a un territorio più piccolo, oppure ai record uno alla volta.',
  'ACTIVITY_PLAN.UNKNOWN_TEAM': 'Nessun membro attivo fa parte di quel team. Controlla il nome del team in Membri.',
  'FORM.NOT_FOUND': 'Rapport non conosce questo modulo web. Copialo di nuovo da Impostazioni, in Moduli web.',
  'FORM.REVOKED': 'Questo modulo web è stato disattivato e non accetta più invii.',
  'COMMISSION.NO_PLAN': 'Nessun piano provvigionale paga questo venditore per questo periodo. Prima un amministratore lo aggiunge a un piano, nella scheda Provvigioni della dashboard.',
  'COMMISSION.ALREADY_APPROVED': 'Questo estratto è già approvato, e un estratto approvato non cambia mai. Le differenze successive compaiono nel prossimo estratto del venditore.',
  'COMMISSION.STATEMENT_CHANGED': 'L’estratto è cambiato da quando l’hai aperto (un’opportunità è stata vinta, modificata o riaperta). Ricontrollalo, poi approva.',
  'COMMISSION.MISSING_RATE': 'Alcune opportunità sono in una valuta senza tasso di cambio, quindi non si sa quanto pagano. Chiedi a un amministratore di aggiungere il tasso in Impostazioni, poi approva di nuovo.',
  'COMMISSION.INVALID_PLAN': 'Questo piano non può essere salvato così: controlla le fasce (la prima parte da 0 %, ognuna sopra la precedente) e i mesi.',
  'DOCUMENT.TOO_LARGE': 'Questo file è più grande di quanto consentito qui. Riducilo (comprimilo o salva un PDF di qualità inferiore) o chiedi al tuo amministratore di alzare il limite.',
  'DOCUMENT.TYPE_NOT_KEPT': 'Rapport non conserva file di questo tipo. Aggiungi PDF, immagini, documenti di Office o file di testo.',
  'DOCUMENT.PROGRAM': 'Questo file è un programma, qualunque cosa dica il nome, e Rapport non conserva mai programmi. Aggiungi il documento vero e proprio.',
  'DOCUMENT.TYPE_MISMATCH': 'Il contenuto di questo file non è quello che dice il nome. Salvalo di nuovo nel formato giusto o dagli la sua vera estensione.',
  'DOCUMENT.EMPTY': 'Questo file è vuoto. Sceglilo di nuovo o controlla che sia stato salvato.',
  'DOCUMENT.INVALID_NAME': 'Il nome di questo file non si può usare. Rinomina il file (niente cartelle né caratteri nascosti) e aggiungilo di nuovo.',
  'REPORT.PERIOD_TOO_LONG': 'Questo periodo è troppo lungo per un report. Scegline uno più breve.',
  'EXPENSE.STATUS_FLOW': 'Questa spesa è già stata decisa: solo una spesa inviata può essere approvata o respinta.',
  'EXPENSE.AMOUNT_PRECISION': 'Questa valuta ha meno decimali dell’importo: arrotondalo all’unità più piccola della valuta.',
  'EXPENSE.DECIDED': 'Questa spesa è stata approvata: data, importo, valuta, categoria e trattativa non possono più cambiare.',
  'EXPENSE.OWN_DECISION': 'Le tue spese le approva o respinge il tuo responsabile o un amministratore, non tu.',
} satisfies LaterErrorMessages;
