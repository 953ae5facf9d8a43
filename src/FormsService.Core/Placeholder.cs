namespace FormsService.Core;
