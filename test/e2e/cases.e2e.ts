import { test, expect } from './fixtures';
import {
  backToCase, currentPanel, expectStep, withinWidth, fitsWidth, forward, handOver, signWithTrainingKey, NOTARISED_POA, newCase, operatorLoggedIn, requestForm,
  SARSENOV, screens, ZHUMABAEVA,
} from './cases';
import { operator, validIin } from './people';
import { addOperator, createAdmin, logIn, logOut, msg, msgStart, saveScreen, switchLocale } from './steps';

const S1_AKTOBE = 's1-aktobe-285';

test('a full S1 case in Aktobe: hand-over, request form, ЖТ МДҚ, forward, receipt, result, survey, list', async ({ app: page }) => {
  test.setTimeout(120_000);
  // The administrator creates the operator; the operator logs in and changes the temporary password.
  await createAdmin(page);
  await page.getByRole('button', { name: msg('kk', 'nav.operators') }).click();
  const temporary = await addOperator(page);
  // Administrators manage accounts: they have no Cases section and no "New case".
  await expect(page.getByRole('navigation').getByRole('button', { name: msg('kk', 'nav.cases') })).toHaveCount(0);
  await logOut(page);
  await logIn(page, operator.login, temporary);
  const change = page.getByTestId('change-password-screen');
  await change.getByLabel(msg('kk', 'field.currentPassword'), { exact: true }).fill(temporary);
  await change.getByLabel(msg('kk', 'field.newPassword'), { exact: true }).fill(operator.newPassword);
  await change.getByLabel(msg('kk', 'field.passwordRepeat'), { exact: true }).fill(operator.newPassword);
  await change.getByLabel(msg('kk', 'field.passwordRepeat'), { exact: true }).press('Enter');
  await expect(page.getByTestId('home-view')).toBeVisible();
  await expect(page.getByTestId('home-new-case')).toBeVisible();

  // The service: F2, a few letters, the type-ahead list; Enter opens the highlighted one.
  await page.keyboard.press('F2');
  const choice = page.getByTestId('service-choice');
  const search = choice.getByRole('combobox', { name: msg('kk', 'choose.search') });
  await expect(search).toBeFocused();
  await search.fill('мүгедек');
  const s1 = choice.locator(`[role="option"][data-regulation="${S1_AKTOBE}"]`);
  await expect(s1).toHaveAttribute('aria-selected', 'true');
  await expect(s1).toContainText('Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу');
  await expect(s1).toContainText(msg('kk', 'catalog.badge.available'));
  await expect(s1).toContainText(msg('kk', 'region.aktobe'));
  await fitsWidth(page);
  await screens(page, 'service-choice', async (locale) => {
    await expect(s1).toContainText('Возмещение затрат на обучение на дому детей-инвалидов');
    // The act's Kazakh title stays under the translation.
    await expect(s1.locator('[lang="kk"]')).toHaveText('Мүгедек балаларды үйде оқытуға жұмсалған шығындарды өтеу');
    await expect(s1).toContainText(msg(locale, 'catalog.badge.available'));
  });
  await search.press('Enter');

  // The hand-over: the act's documents, the optional one marked.
  const screen = page.getByTestId('case-screen');
  await expectStep(page, 'start');
  const number = (await page.getByTestId('case-number').innerText()).trim();
  expect(number).toMatch(/^A-\d{8}-\d{4}$/);
  const checklist = page.getByTestId('document-checklist');
  await expect(checklist.locator('input[type="checkbox"]').first()).toBeFocused();
  await expect(checklist.locator('input[type="checkbox"]')).toHaveCount(7);
  await expect(checklist).toContainText(msg('kk', 'documents.optional'));
  const steps = page.getByTestId('step-list');
  await expect(steps.locator('[data-step="start"]')).toHaveAttribute('data-state', 'current');
  await expect(steps.locator('[data-step="start"]')).toContainText(msg('kk', 'step.start'));
  await expect(steps.locator('[data-step="p2"]')).toContainText('2-үдеріс');
  await expect(steps.locator('[data-step="c1"]')).toContainText('1-шарт');
  await expect(steps.locator('[data-step="p2"]')).toContainText('2 мин');
  await page.getByRole('button', { name: msg('kk', 'documents.tickAll') }).click();
  await expect(page.getByTestId('documents-missing')).toHaveCount(0);
  await screens(page, 'hand-over', async () => {
    await expect(steps.locator('[data-step="p2"]')).toContainText('Процесс 2');
    await expect(steps.locator('[data-step="c1"]')).toContainText('Условие 1');
  });
  await checklist.locator('input[type="checkbox"]').first().focus();
  await page.keyboard.press('Enter');

  // Process 1 is the session itself; the case waits at process 2, the request form.
  await expectStep(page, 'p2');
  await expect(steps.locator('[data-step="start"]')).toHaveAttribute('data-state', 'done');
  await expect(steps.locator('[data-step="p1"]')).toHaveAttribute('data-state', 'done');
  const form = page.getByTestId('request-form');
  const iin = form.getByLabel(msg('kk', 'request.applicantIin'), { exact: true });
  await expect(iin).toBeFocused();
  await iin.fill(SARSENOV.iin);
  await expect(form.getByText(msgStart('kk', 'iin.valid'))).toBeVisible();
  await screens(page, 'request-form');
  await iin.press('Enter');

  // Process 3 and condition 1 ran by themselves: ЖТ МДҚ knows the applicant.
  await expectStep(page, 'p5');
  await expect(steps.locator('[data-step="p3"]')).toHaveAttribute('data-state', 'done');
  await expect(steps.locator('[data-step="c1"]')).toContainText(msg('kk', 'step.answer.yes'));
  await expect(steps.locator('[data-step="p4"]')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('applicant-card')).toContainText(SARSENOV.fullName);
  await expect(page.getByTestId('forward')).toHaveText(new RegExp(msg('kk', 'forward.to.eSobes')));

  // The running timer of process 5 against its 2-minute norm.
  const timer = steps.locator('[data-step="p5"]').getByTestId('step-timer');
  await expect(timer).toBeVisible();
  await expect(timer).toContainText('норма 2 мин');
  const first = await timer.getByRole('timer').innerText();
  await expect.poll(async () => timer.getByRole('timer').innerText(), { timeout: 5_000 }).not.toBe(first);
  await fitsWidth(page);
  await screens(page, 'steps-timer', async () => {
    await expect(timer).toContainText('норма 2 мин');
    await expect(steps.locator('[data-step="p5"]')).toContainText('Процесс 5');
  });

  // F1: the act's own words for the current step, with the seed and the item; Esc closes.
  await page.keyboard.press('F1');
  const act = page.getByRole('dialog');
  await expect(act.getByTestId('act-text-kk')).toContainText('"Е-собес" ақпараттық жүйесіне');
  await expect(act).toContainText('000_9c000d9434ad5727.txt');
  await expect(act).toContainText('тармақ 7, 7)');
  await expect(act).toContainText('№ 285');
  await saveScreen(page, 'case-act-text', 'kk');
  await page.keyboard.press('Escape');
  await expect(act).toHaveCount(0);
  // In Russian the act's Kazakh words stay, with the working translation under them.
  await switchLocale(page, 'ru');
  await page.keyboard.press('F1');
  await expect(act.getByTestId('act-text-kk')).toContainText('"Е-собес" ақпараттық жүйесіне');
  await expect(act).toContainText('Направление через ШЭП в ИС «Е-Собес»');
  await saveScreen(page, 'case-act-text', 'ru');
  await page.keyboard.press('Escape');
  await switchLocale(page, 'kk');

  // Process 5: signed with the operator's key, then forwarded; the receipt opens for printing at once.
  await signWithTrainingKey(page);
  await page.getByTestId('forward').focus();
  await page.keyboard.press('Enter');
  const documentView = page.getByTestId('document-view');
  await expect(documentView).toHaveAttribute('data-kind', 'receipt');
  const receipt = documentView.getByTestId('document-page');
  await expect(receipt).toContainText('Құжаттарды қабылдау туралы қолхат');
  await expect(receipt).toContainText(number);
  await expect(receipt).toContainText(SARSENOV.fullName);
  await expect(receipt).toContainText('Баланың туу туралы куәлігі');
  await expect(documentView.getByTestId('print')).toBeFocused();
  // What goes on paper: the page only, with Kazakh letters in the bundled face.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('app-frame').locator('.nav')).toBeHidden();
  await expect(documentView.getByTestId('print')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await screens(
    page,
    'receipt-print',
    // The receipt stays in the applicant's language whatever the operator reads.
    async () => expect(receipt).toContainText('Құжаттарды қабылдау туралы қолхат'),
    'print',
  );
  await saveScreen(page, 'case-receipt-screen', 'kk');
  await backToCase(page);

  // Condition 2 said yes: the result is ready for process 8.
  await expectStep(page, 'p8');
  await expect(screen).toHaveAttribute('data-status', 'resultReady');
  await expect(steps.locator('[data-step="p7"]')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('case-facts')).toContainText(/ЕС-\d{6}/);
  await page.getByTestId('issue').click();
  await expect(documentView).toHaveAttribute('data-kind', 'issuance');
  await expect(receipt).toContainText('Мемлекеттік қызмет нәтижесін беру туралы жазба');
  await expect(receipt).toContainText('жәрдемақы тағайындау туралы хабарлама');
  await screens(page, 'issuance');
  await backToCase(page);

  // The survey of appendix 5: both questions, three answers each.
  await expect(screen).toHaveAttribute('data-status', 'issued');
  const survey = page.getByTestId('survey-form');
  await expect(survey).toContainText(msg('kk', 'survey.q.processQuality'));
  await expect(survey).toContainText(msg('kk', 'survey.q.informationQuality'));
  await survey.getByRole('button', { name: msg('kk', 'survey.submit') }).click();
  await expect(survey.getByText(msg('kk', 'survey.required'))).toHaveCount(2);
  await survey.locator('[data-question="processQuality"]').getByLabel(/^3\)/).check();
  await survey.locator('[data-question="informationQuality"]').getByLabel(/^2\)/).check();
  await screens(page, 'survey', async (locale) => {
    await expect(survey).toContainText(msg(locale, 'survey.q.processQuality'));
  });
  await survey.getByRole('button', { name: msg('kk', 'survey.submit') }).click();
  await expect(page.getByTestId('survey-answers')).toContainText(msg('kk', 'survey.answer.3'));
  await expect(page.getByTestId('next-applicant')).toBeFocused();

  // Today's list: the case under "issued", found by the applicant's IIN and by its number.
  await page.getByRole('navigation').getByRole('button', { name: msg('kk', 'nav.cases') }).click();
  const list = page.getByTestId('case-list');
  await list.getByRole('tab', { name: new RegExp(msg('kk', 'status.issued')) }).click();
  const row = list.getByTestId('case-table').locator(`tr[data-case="${number}"]`);
  await expect(row).toContainText(msg('kk', 'status.issued'));
  await expect(row).toContainText('Мүгедек балаларды');
  await fitsWidth(page);
  await screens(page, 'case-list', async (locale) => {
    await expect(row).toContainText(msg(locale, 'status.issued'));
  });
  const find = list.getByRole('searchbox', { name: msg('kk', 'cases.find') });
  await find.fill(SARSENOV.iin);
  await find.press('Enter');
  await expect(list.getByTestId('case-found-table').locator(`tr[data-case="${number}"]`)).toBeVisible();
  await find.fill(number);
  await find.press('Enter');
  await list.getByTestId('case-found-table').getByRole('button', { name: msg('kk', 'cases.openNumber', { number }) }).click();
  await expect(screen).toHaveAttribute('data-status', 'issued');
  await expect(page.getByTestId('case-documents')).toContainText(msg('kk', 'document.receipt'));
});

test('condition 1: an IIN ЖТ МДҚ does not hold ends in the process-4 notice', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE);
  await handOver(page);
  const absent = validIin('010203', 5);
  await requestForm(page, absent);
  await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'refused');
  const notice = page.getByTestId('refusal-notice');
  await expect(notice).toContainText(`4-үдеріс: ${msg('kk', 'outcome.refusalDataUnavailable')}`);
  const steps = page.getByTestId('step-list');
  await expect(steps.locator('[data-step="c1"]')).toContainText(msg('kk', 'step.answer.no'));
  await expect(steps.locator('[data-step="p5"]')).toHaveAttribute('data-state', 'skipped');
  await expect(notice.getByTestId('open-refusal')).toBeFocused();
  await page.keyboard.press('Enter');
  const page4 = page.getByTestId('document-page');
  await expect(page4).toHaveAttribute('data-kind', 'refusalDataUnavailable');
  await expect(page4).toContainText('Мәліметтерді алу мүмкін еместігі туралы хабарлама');
  await expect(page4).toContainText('ЖТ МДҚ');
  await expect(page4).toContainText(absent);
  await screens(page, 'refusal-data');
  await backToCase(page);
  // The survey is asked after a refusal too.
  await expect(page.getByTestId('survey-form')).toBeVisible();
});

test('condition 2: a required document not handed over ends in the process-7 refusal with the reason', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE, 'ru');
  await expectStep(page, 'start');
  const form = page.getByTestId('hand-over-form');
  await form.getByRole('button', { name: msg('kk', 'documents.tickAll') }).click();
  await form.locator('input[name="disabilityCertificate"]').uncheck();
  // Said before it is sent: the package is short and the provider may refuse.
  await expect(page.getByTestId('documents-missing')).toContainText('Баланың мүгедектігі туралы анықтама');
  await form.getByRole('button', { name: msg('kk', 'handOver.submit') }).click();
  await requestForm(page, SARSENOV.iin);
  await expect(page.getByTestId('forward-form')).toContainText(msg('kk', 'documents.notTaken'));
  await forward(page);
  // The receipt is in Russian, the applicant's choice, and names what is missing.
  const receipt = page.getByTestId('document-page');
  await expect(receipt).toContainText('Расписка о приёме документов');
  await expect(receipt).toContainText('Справка об инвалидности ребёнка');
  await backToCase(page);

  await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'refused');
  await expect(page.getByTestId('refusal-notice')).toContainText(`7-үдеріс: ${msg('kk', 'outcome.refusalDocuments')}`);
  await expect(page.getByTestId('refusal-reason')).toContainText('Стандарттың 9-тармағында');
  await expect(page.getByTestId('refusal-reason')).toContainText('Баланың мүгедектігі туралы анықтама');
  await page.getByTestId('open-refusal').click();
  const refusal = page.getByTestId('document-page');
  await expect(refusal).toHaveAttribute('data-kind', 'refusalDocuments');
  await expect(refusal).toContainText('Мотивированный отказ в оказании государственной услуги');
  await expect(refusal).toContainText('Причина');
  await screens(page, 'refusal-documents');
});

test('a representative with a notarised power of attorney: only the notary is asked, not another certification', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE);
  await handOver(page);
  const form = page.getByTestId('request-form');
  await form.getByLabel(msg('kk', 'request.applicantIin'), { exact: true }).fill(ZHUMABAEVA.iin);
  await form.getByText(msg('kk', 'request.withRepresentative')).click();
  const rep = form.getByTestId('representative-fields');
  // The act takes a notarised power of attorney only: the other kind's details are not even offered.
  await expect(rep.getByTestId('notarised-only')).toHaveText(msg('kk', 'request.notarisedOnly'));
  await expect(rep.getByLabel(msg('kk', 'request.certifiedBy'))).toHaveCount(0);
  await expect(rep.getByRole('radio')).toHaveCount(0);
  await expect(rep).toContainText(msg('kk', 'request.poaRule'));

  // The representative cannot be the applicant; an empty notary and a date that is not one are
  // each said beside their field, and the cursor goes to the first of them.
  const repIin = rep.getByLabel(msg('kk', 'request.representativeIin'), { exact: true });
  const poaDate = rep.getByLabel(msg('kk', 'request.poaDate'), { exact: true });
  await repIin.fill(ZHUMABAEVA.iin);
  await rep.getByLabel(msg('kk', 'request.representativeName'), { exact: true }).fill(SARSENOV.fullName);
  await rep.getByLabel(msg('kk', 'request.poaNumber'), { exact: true }).fill(NOTARISED_POA.number);
  await poaDate.fill('30.02.2025');
  await poaDate.press('Enter');
  await expect(rep.getByText(msg('kk', 'reason.representative.sameAsApplicant'))).toBeVisible();
  await expect(rep.getByText(msg('kk', 'reason.date.format'))).toBeVisible();
  await expect(rep.getByText(msg('kk', 'reason.required'))).toBeVisible();
  await expect(repIin).toBeFocused();
  await repIin.fill(SARSENOV.iin);
  await poaDate.fill(NOTARISED_POA.date);
  await rep.getByLabel(msg('kk', 'request.notary'), { exact: true }).fill(NOTARISED_POA.notary);
  await expect(rep.getByText(msgStart('kk', 'iin.valid'))).toBeVisible();
  await fitsWidth(page);
  await screens(page, 'request-representative', async () => {
    await expect(rep.getByTestId('notarised-only')).toHaveText(msg('ru', 'request.notarisedOnly'));
  });
  await rep.getByLabel(msg('kk', 'request.notary'), { exact: true }).press('Enter');

  await expectStep(page, 'p5');
  await expect(page.getByTestId('applicant-card')).toContainText(ZHUMABAEVA.fullName);
  await expect(page.getByTestId('case-representative')).toContainText(SARSENOV.fullName);
  await expect(page.getByTestId('case-representative')).toContainText(NOTARISED_POA.number);
  await expect(page.getByTestId('case-representative')).toContainText(NOTARISED_POA.notary);
  await forward(page);
  await expect(page.getByTestId('document-page')).toContainText(NOTARISED_POA.number);
});

test('the catalog says where to send an applicant for a service the counter cannot open', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await page.keyboard.press('F2');
  const choice = page.getByTestId('service-choice');
  const search = choice.getByRole('combobox', { name: msg('kk', 'choose.search') });
  await search.fill('патронат');
  const s5 = choice.locator('[role="option"][data-regulation="s5-aktobe-33"]');
  await expect(s5).toContainText('Баланы (балаларды) патронаттық тәрбиелеуге беру');
  await expect(s5).toContainText(msg('kk', 'catalog.badge.noStateCorporationChannel'));
  await expect(s5).toContainText(msg('kk', 'catalog.say.noStateCorporationChannel', { where: 'қызмет берушіге немесе egov.kz порталы арқылы' }));
  await expect(s5).toHaveAttribute('aria-disabled', 'true');
  // Enter on a service that is not offered here opens nothing.
  await search.press('Enter');
  await expect(choice).toBeVisible();
  await switchLocale(page, 'ru');
  await expect(s5).toContainText(msg('ru', 'catalog.say.noStateCorporationChannel', { where: 'к услугодателю или через портал egov.kz' }));
  await switchLocale(page, 'kk');
  // Esc clears the search, then goes back.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await search.press('Escape');
  await expect(page.getByTestId('home-view')).toBeVisible();
});

test('a broken regulation file is mentioned discreetly on the service choice', async ({ app: page }) => {
  await operatorLoggedIn(page);
  // The core reports a file it could not read; the screen names the file and the field.
  await page.route('**/api/call/catalog.search', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { problems: unknown[] } };
    body.value.problems = [{ file: 's9-broken.json', field: 'channels.0.steps', reason: 'step.unknownTarget' }];
    await route.fulfill({ response, json: body });
  });
  await page.keyboard.press('F2');
  const problems = page.getByTestId('regulation-problems');
  await expect(problems).toContainText(msg('kk', 'catalog.problems.field', { file: 's9-broken.json', field: 'channels.0.steps' }));
});

test.describe('training', () => {
  test.use({ hostOptions: { training: true } });

  test('a repealed Karaganda act opens as history; a revoked power of attorney fails in БНАЖ', async ({ app: page }) => {
    await operatorLoggedIn(page);
    await page.keyboard.press('F2');
    const choice = page.getByTestId('service-choice');
    await choice.getByRole('combobox', { name: msg('kk', 'choose.search') }).fill('мүгедек');
    const karaganda = choice.locator('[role="option"][data-regulation="s1-karaganda-38-08"]');
    await expect(karaganda).toContainText(msg('kk', 'catalog.badge.historical'));
    await expect(karaganda).toContainText('№ 37/02');
    await expect(karaganda).toContainText(msg('kk', 'catalog.say.historical'));
    await expect(karaganda).toContainText(msg('kk', 'region.karaganda'));
    await saveScreen(page, 'case-service-choice-training', 'kk');
    await karaganda.click();

    await expect(page.getByTestId('historical-act')).toBeVisible();
    await expect(page.getByTestId('training-banner')).toBeVisible();
    await handOver(page);
    const training = page.getByTestId('training-data');
    await training.locator('summary').click();
    await expect(training).toContainText('Сәрсенов Ерлан Қайратұлы');
    await expect(training.locator('tr[data-poa="НҚ-2024-1180"]')).toContainText(msg('kk', 'training.data.revoked'));
    await training.getByRole('button', { name: msg('kk', 'training.usePoa', { number: 'НҚ-2024-1180' }) }).click();
    const form = page.getByTestId('request-form');
    await expect(form.getByLabel(msg('kk', 'request.poaNumber'), { exact: true })).toHaveValue('НҚ-2024-1180');
    await expect(form).toContainText(msg('kk', 'request.checkedInNotaryDatabase'));
    await saveScreen(page, 'case-training-data', 'kk');
    await form.getByRole('button', { name: msg('kk', 'request.submitWithNotary') }).click();

    // Condition 1 asks БНАЖ too: the revoked power of attorney ends in process 4.
    await expect(page.getByTestId('case-screen')).toHaveAttribute('data-status', 'refused');
    await page.getByTestId('open-refusal').click();
    await expect(page.getByTestId('document-page')).toContainText('БНАЖ');
    await expect(page.getByTestId('document-page')).toContainText(msg('kk', 'document.trainingMark'));
  });
});

test.describe('training, an act without a hand-over line', () => {
  test.use({ hostOptions: { training: true } });

  test('S2 in Ekibastuz: the documents are ticked at process 5, forwarded to ЭҮАШ АЖО, the result waits on a day norm', async ({ app: page }) => {
    await operatorLoggedIn(page);
    await newCase(page, 'жұмыссыз', 's2-ekibastuz-168-2');
    // Process 1 is the session: the case opens at the request form.
    await expectStep(page, 'p2');
    const steps = page.getByTestId('step-list');
    await expect(steps.locator('[data-step="start"]')).toHaveCount(0);
    await expect(steps.locator('[data-step="p1"]')).toContainText('30 сек – 1 мин');
    await expect(steps.locator('[data-step="p9"]')).toContainText('3 жұмыс күні');
    await requestForm(page, SARSENOV.iin);
    await expectStep(page, 'p5');
    const form = page.getByTestId('forward-form');
    await expect(form.getByTestId('document-checklist')).toBeVisible();
    await form.getByRole('button', { name: msg('kk', 'documents.tickAll') }).click();
    await expect(page.getByTestId('forward')).toHaveText(new RegExp(msg('kk', 'forward.to.regionalGateway')));
    await signWithTrainingKey(page);
    await page.getByTestId('forward').click();
    await expect(page.getByTestId('document-view')).toHaveAttribute('data-kind', 'receipt');
    await expect(page.getByTestId('document-page')).toContainText('ЭҮАШ-');
    await backToCase(page);
    await expectStep(page, 'p9');
    await expect(steps.locator('[data-step="p6"]')).toHaveAttribute('data-state', 'done');
    await expect(steps.locator('[data-step="p8"]')).toHaveAttribute('data-state', 'skipped');
    await expect(steps.locator('[data-step="p9"]').getByTestId('step-timer')).toContainText(msgStart('kk', 'timer.dueDays'));
    await saveScreen(page, 'case-s2-result', 'kk');
  });
});

test.describe('a 1280 × 720 counter screen', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the case screen and the service choice fit without sideways scrolling, in Kazakh and Russian', async ({ app: page }) => {
    await operatorLoggedIn(page);
    await newCase(page, 'мүгедек', S1_AKTOBE);
    await fitsWidth(page);
    await handOver(page);
    await requestForm(page, SARSENOV.iin);
    await expectStep(page, 'p5');
    // The forward step begins with the scans: they are on screen without scrolling; signing and forwarding follow below.
    await expect(currentPanel(page).getByTestId('scan-panel')).toBeInViewport();
    await fitsWidth(page);
    await withinWidth(page, 'current-panel');
    await saveScreen(page, 'case-1280', 'kk');
    await switchLocale(page, 'ru');
    await fitsWidth(page);
    await withinWidth(page, 'current-panel');
    await withinWidth(page, 'step-list');
    await saveScreen(page, 'case-1280', 'ru');
    await switchLocale(page, 'en');
    await fitsWidth(page);
    await withinWidth(page, 'current-panel');
    await saveScreen(page, 'case-1280', 'en');
    await switchLocale(page, 'ru');
    await page.keyboard.press('F2');
    await page.getByTestId('service-choice').getByRole('combobox').fill('мүгедек');
    await expect(page.getByTestId('service-list').locator('[role="option"]')).toHaveCount(1);
    await fitsWidth(page);
    await saveScreen(page, 'case-service-choice-1280', 'ru');
  });
});

test('a case moved on elsewhere, an unreachable gateway and a deceased applicant are each said plainly', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE);
  // Another window takes the hand-over first: this screen's action is refused as stale, and the
  // screen reloads the case where it really is.
  const caseId = await page.evaluate(async () => {
    const call = async (name: string, input: unknown) =>
      ((await (await fetch(`/api/call/${name}`, { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input) })).json()) as { value: { id: number; version: number; cases?: { id: number }[] } }).value;
    const [latest] = (await call('cases.list', {})).cases!;
    const view = await call('cases.get', { caseId: latest!.id });
    await call('cases.handOver', { caseId: view.id, version: view.version, documents: ['application'] });
    return view.id;
  });
  expect(caseId).toBeGreaterThan(0);
  await page.getByRole('button', { name: msg('kk', 'documents.tickAll') }).click();
  await page.getByRole('button', { name: msg('kk', 'handOver.submit') }).click();
  const said = page.getByTestId('action-problem');
  await expect(said).toContainText(msg('kk', 'error.CASE_CHANGED'));
  await expect(said).toContainText(msg('kk', 'case.reloaded'));
  await expectStep(page, 'p2');
  await expect(page.getByTestId('request-form')).toBeVisible();

  // ЖТ МДҚ records this person as deceased: the operator is told before forwarding.
  await requestForm(page, '640812300106');
  await expectStep(page, 'p5');
  await expect(page.getByTestId('applicant-card')).toContainText(msg('kk', 'applicant.deceased'));

  // The gateway does not answer: the case stays at process 5 and the operator is told to retry.
  await page.route('**/api/call/cases.forward', (route) => route.fulfill({ json: { ok: false, error: { code: 'GATEWAY_UNAVAILABLE' } } }));
  await signWithTrainingKey(page);
  await page.getByTestId('forward').click();
  await expect(page.getByTestId('action-problem')).toContainText(msg('kk', 'error.GATEWAY_UNAVAILABLE'));
  await expectStep(page, 'p5');
  await saveScreen(page, 'case-gateway-unavailable', 'kk');
});

test('a case waiting on the state systems says so and asks again on request', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE);
  await handOver(page);
  // The link was down at process 3: the core keeps the case there, marked as waiting. The screen
  // reads the case again when the core says it moved (cases.changed), so that reading waits too.
  let waitingView: unknown = null;
  // The core's cases.changed may come before the form's own answer: a reading then waits for the waiting view.
  let showWaiting: (view: unknown) => void = () => {};
  const waitingShown = new Promise<unknown>((resolve) => (showWaiting = resolve));
  await page.route('**/api/call/cases.submitForm', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { steps: { step: string; endedAt: string | null; outcome: string | null }[] } };
    const upToP3 = body.value.steps.slice(0, body.value.steps.findIndex((s) => s.step === 'p3') + 1);
    upToP3[upToP3.length - 1] = { ...upToP3[upToP3.length - 1]!, endedAt: null, outcome: null };
    body.value = { ...body.value, step: 'p3', status: 'inProgress', gatewayWaiting: true, steps: upToP3 } as typeof body.value;
    waitingView = body.value;
    showWaiting(waitingView);
    await route.fulfill({ response, json: body });
  });
  await page.route('**/api/call/cases.get', async (route) => route.fulfill({ json: { ok: true, value: waitingView ?? (await waitingShown) } }));
  await requestForm(page, SARSENOV.iin);
  const waiting = page.getByTestId('waiting-panel');
  await expect(waiting.getByTestId('gateway-waiting')).toHaveText(msg('kk', 'waiting.gateway'));
  await expect(waiting).toContainText(msg('kk', 'waiting.registers'));
  await expect(waiting.getByTestId('refresh')).toBeFocused();
  await screens(page, 'waiting');
  await page.unroute('**/api/call/cases.get');
  await waiting.getByTestId('refresh').click();
  // Asked again, the core answers with the case as it stands: past ЖТ МДҚ, at process 5.
  await expectStep(page, 'p5');
});

test('the home page offers the next applicant; Alt+N does what F2 does', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await expect(page.getByTestId('home-next')).toContainText(msg('kk', 'home.next.title'));
  await screens(page, 'home');
  await page.keyboard.press('Alt+KeyN');
  await expect(page.getByTestId('service-choice')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('home-view')).toBeVisible();
  await page.getByTestId('home-new-case').click();
  await expect(page.getByTestId('service-choice')).toBeVisible();
});

test('the lock hides the applicant; unlocking returns to the same case, read again', async ({ app: page }) => {
  await operatorLoggedIn(page);
  await newCase(page, 'мүгедек', S1_AKTOBE);
  await handOver(page);
  await requestForm(page, SARSENOV.iin);
  await expectStep(page, 'p5');
  const number = (await page.getByTestId('case-number').innerText()).trim();
  await page.keyboard.press('Control+l');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(page.getByText(SARSENOV.fullName)).toHaveCount(0);
  const password = lock.getByLabel(msg('kk', 'field.password'), { exact: true });
  await password.fill(operator.newPassword);
  await password.press('Enter');
  await expect(page.getByTestId('case-number')).toHaveText(number);
  await expect(page.getByTestId('applicant-card')).toContainText(SARSENOV.fullName);
});
