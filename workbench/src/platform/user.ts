// `@salesforce/user/Id` in the workbench: a fixed sample user.
export default '005000000000001AAA';
