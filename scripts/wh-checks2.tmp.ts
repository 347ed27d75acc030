import { checkApexSemantics } from './checks/apexSemantics';
import { checkCodeAnalyzer } from './checks/codeAnalyzer';
import { checkMetadata } from './checks/metadata';
const root = '/work/wt-webhooks';
const s = checkApexSemantics(root);
console.log('semantics', JSON.stringify(s.findings).slice(0, 3000));
console.log('metadata+convert', JSON.stringify(checkMetadata(root, { convert: true }).findings).slice(0, 2000));
void checkCodeAnalyzer(root, ['force-app/main/webhooks', 'force-app/tests/webhooks', 'force-app/main/settings/classes/KondoSettings.cls', 'force-app/main/core/classes/KondoPermissions.cls', 'force-app/main/automation/triggers/KondoChangeTrigger.trigger', 'force-app/tests/settings/classes/KondoSettings_Tests.cls'].map((p) => root + '/' + p)).then((r) => console.log('pmd', JSON.stringify(r.findings).slice(0, 4000)));
