import type { LaterErrorMessages } from './error-messages';

// The messages of the rules of views that load on first use (documents, goals and commissions, templates, settings…):
// they come with those views' messages (messages.later.es.ts), so the pane's first JavaScript does not carry them.
export const laterErrorsEs = {
  'PRODUCT.PRICE_PRECISION': 'El precio tiene más decimales de los que admite su moneda. Redondéalo y vuelve a guardar.',
  'PIPELINE.STAGE_IN_USE': 'Aún hay oportunidades en esta etapa. Muévelas antes a otra etapa, o conserva la etapa y cámbiale el nombre.',
  'SETTINGS.INVALID': 'Algunos valores de la configuración no son correctos. Revisa los marcados y vuelve a guardar.',
  'SETTINGS.RATES_FOR_NEW_CURRENCY': 'Con una nueva moneda de los informes, indica también los tipos de cambio en esa moneda (o quítalos todos) y guarda.',
  'TIP.UNKNOWN_STAGE': 'Una etapa de este consejo ya no está en el embudo. Elige entre las etapas que hay ahora.',
  'TEMPLATE.UNKNOWN_FIELD': 'Un marcador nombra un campo que las plantillas no pueden rellenar. Usa los botones de campos.',
  'TEMPLATE.MALFORMED_PLACEHOLDER': 'Un marcador no está bien escrito o no está cerrado. Insértalo con los botones de campos.',
  'TEMPLATE.DUPLICATE_LANGUAGE': 'La plantilla tiene dos versiones en el mismo idioma. Deja una por idioma.',
  'ACTIVITY_PLAN.TOO_MANY_RECORDS': 'Son más registros de los que un plan puede recibir de una vez (como máximo 200 registros y 1.000 actividades). Aplícalo a un equipo o territorio más pequeño, o a los registros uno a uno.',
  'ACTIVITY_PLAN.UNKNOWN_TEAM': 'Ningún miembro activo está en ese equipo. Comprueba el nombre del equipo en Miembros.',
  'FORM.NOT_FOUND': 'Rapport no conoce este formulario web. Vuelve a copiarlo desde Configuración, en Formularios web.',
  'FORM.REVOKED': 'Este formulario web se desactivó y ya no acepta envíos.',
  'COMMISSION.NO_PLAN': 'Ningún plan de comisiones paga a este comercial en este periodo. Primero un administrador lo añade a un plan, en la pestaña Comisiones del panel.',
  'COMMISSION.ALREADY_APPROVED': 'Esta liquidación ya está aprobada y una liquidación aprobada nunca cambia. Las diferencias posteriores aparecen en la siguiente liquidación del comercial.',
  'COMMISSION.STATEMENT_CHANGED': 'La liquidación ha cambiado desde que la abriste (se ganó, editó o reabrió una oportunidad). Revísala de nuevo y apruébala.',
  'COMMISSION.MISSING_RATE': 'Algunas oportunidades están en una moneda sin tipo de cambio, así que no se sabe lo que pagan. Pide a un administrador que añada el tipo en Configuración y aprueba de nuevo.',
  'COMMISSION.INVALID_PLAN': 'Este plan no se puede guardar así: revisa los tramos (el primero empieza en 0 % y cada uno por encima del anterior) y los meses.',
  'DOCUMENT.TOO_LARGE': 'Este archivo es más grande de lo permitido aquí. Redúcelo (comprímelo o guarda un PDF de menor calidad) o pide a tu administrador que suba el límite.',
  'DOCUMENT.TYPE_NOT_KEPT': 'Rapport no guarda archivos de este tipo. Añade PDF, imágenes, documentos de Office o archivos de texto.',
  'DOCUMENT.PROGRAM': 'Este archivo es un programa, diga lo que diga su nombre, y Rapport nunca guarda programas. Añade el documento en sí.',
  'DOCUMENT.TYPE_MISMATCH': 'El contenido de este archivo no es lo que dice su nombre. Guárdalo de nuevo en el formato correcto o ponle su extensión real.',
  'DOCUMENT.EMPTY': 'Este archivo está vacío. Vuelve a elegirlo o comprueba que se guardó.',
  'DOCUMENT.INVALID_NAME': 'No se puede usar el nombre de este archivo. Cámbiale el nombre (sin carpetas ni caracteres ocultos) y añádelo de nuevo.',
  'REPORT.PERIOD_TOO_LONG': 'Este periodo es demasiado largo para un informe. Elige uno más corto.',
  'EXPENSE.STATUS_FLOW': 'Este gasto ya se decidió: solo un gasto enviado se puede aprobar o rechazar.',
  'EXPENSE.AMOUNT_PRECISION': 'Esta moneda tiene menos decimales que el importe: redondéalo a la unidad más pequeña de la moneda.',
  'EXPENSE.DECIDED': 'Este gasto se aprobó: su fecha, importe, moneda, categoría y oportunidad ya no pueden cambiar.',
  'EXPENSE.OWN_DECISION': 'Tus propios gastos los aprueba o rechaza tu responsable o un administrador, no tú.',
} satisfies LaterErrorMessages;
